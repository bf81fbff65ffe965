// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// ZkmlRegistryMetaData contains all meta data concerning the ZkmlRegistry contract.
var ZkmlRegistryMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"}],\"name\":\"DelegatedAccount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"verifierKey\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"buildKey\",\"type\":\"bytes32\"}],\"name\":\"KeyMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"}],\"name\":\"ModelAlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoPublicInputs\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"}],\"name\":\"NoResult\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"}],\"name\":\"NotAContract\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"}],\"name\":\"NotAZkmlVerifier\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"OutputNotInField\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"reason\",\"type\":\"bytes\"}],\"name\":\"ProofRejected\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"}],\"name\":\"UnknownModel\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint8\",\"name\":\"backend\",\"type\":\"uint8\"}],\"name\":\"UnsupportedBackend\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"}],\"name\":\"VerifierCodeChanged\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"got\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"want\",\"type\":\"uint256\"}],\"name\":\"WrongPublicInputCount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"buildHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"backend\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"publicInputs\",\"type\":\"uint32\"}],\"name\":\"ModelRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"inputCommitment\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"prover\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"sequence\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint256[]\",\"name\":\"outputs\",\"type\":\"uint256[]\"}],\"name\":\"ProofVerified\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"GROTH16\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"PLONK\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"planHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"keyHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"layout\",\"type\":\"bytes\"}],\"name\":\"buildHashOf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"}],\"name\":\"lastResult\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"prover\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"sequence\",\"type\":\"uint32\"},{\"internalType\":\"uint256[]\",\"name\":\"outputs\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"}],\"name\":\"model\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"backend\",\"type\":\"uint8\"},{\"internalType\":\"uint32\",\"name\":\"publicInputs\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"buildHash\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"backend\",\"type\":\"uint8\"},{\"internalType\":\"uint32\",\"name\":\"publicInputs\",\"type\":\"uint32\"}],\"name\":\"modelIdOf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"planHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"keyHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"layout\",\"type\":\"bytes\"},{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"backend\",\"type\":\"uint8\"},{\"internalType\":\"uint32\",\"name\":\"publicInputs\",\"type\":\"uint32\"}],\"name\":\"register\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"proof\",\"type\":\"bytes\"},{\"internalType\":\"uint256[]\",\"name\":\"publicInputs\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes32\",\"name\":\"inputCommitment\",\"type\":\"bytes32\"}],\"name\":\"verify\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"sequence\",\"type\":\"uint32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "ZkmlRegistry",
	Bin: "0x6080604052348015600e575f5ffd5b5061119e8061001c5f395ff3fe608060405234801561000f575f5ffd5b5060043610610085575f3560e01c8063c6bc67fe11610058578063c6bc67fe146100ff578063e5199e6c14610112578063ee19e84b14610119578063ef4c990e14610159575f5ffd5b8063591f2e75146100895780635eb19ff0146100af5780638cbfb491146100c2578063b5c9da15146100dc575b5f5ffd5b61009c610097366004610c65565b610181565b6040519081526020015b60405180910390f35b61009c6100bd366004610cf4565b6101d9565b6100ca600181565b60405160ff90911681526020016100a6565b6100ef6100ea366004610d77565b6105e5565b6040516100a69493929190610d8e565b61009c61010d366004610e03565b610703565b6100ca5f81565b61012c610127366004610d77565b61071b565b604080516001600160a01b03909416845260ff909216602084015263ffffffff16908201526060016100a6565b61016c610167366004610e52565b610756565b60405163ffffffff90911681526020016100a6565b60408051602081018690526001600160a01b0385163f9181019190915260ff8316606082015263ffffffff821660808201525f9060a0015b604051602081830303815290604052805190602001209050949350505050565b5f836001600160a01b03163b5f03610214576040516322a2d07b60e21b81526001600160a01b03851660048201526024015b60405180910390fd5b5f5f5f5260035f5f873c505f516001600160e81b0319811661ef0160f01b0361025b576040516328bbb45960e11b81526001600160a01b038616600482015260240161020b565b600160ff8516111561028557604051631598accf60e21b815260ff8516600482015260240161020b565b8263ffffffff165f036102ab576040516389978f1560e01b815260040160405180910390fd5b60408051600481526024810182526020810180516001600160e01b03166361728f3960e01b17905290515f9182916001600160a01b038916916102ed91610f1b565b5f60405180830381855afa9150503d805f8114610325576040519150601f19603f3d011682016040523d82523d5f602084013e61032a565b606091505b509150915081158061033e57508051602014155b156103675760405163181a6fab60e21b81526001600160a01b038816600482015260240161020b565b5f8180602001905181019061037c9190610f2d565b90508a81146103b757604051639ea7e98560e01b81526001600160a01b038916600482015260248101829052604481018c905260640161020b565b5f6103c48d8d8d8d610703565b90506103d2818a8a8a610181565b5f818152602081905260409020549096506001600160a01b03161561040d57604051631298be7960e31b81526004810187905260240161020b565b5f60ff89161561043d577f7e4f7a8a3016bf75945a95ae04e6678ed3bb4fb93fae55a684467fa45acd6b39610473565b61044c8863ffffffff16610b74565b60405160200161045c9190610f44565b604051602081830303815290604052805190602001205b90506040518060a001604052808b6001600160a01b031681526020018a60ff1681526020018963ffffffff168152602001826001600160e01b03191681526020018b6001600160a01b03163f8152505f5f8981526020019081526020015f205f820151815f015f6101000a8154816001600160a01b0302191690836001600160a01b031602179055506020820151815f0160146101000a81548160ff021916908360ff1602179055506040820151815f0160156101000a81548163ffffffff021916908363ffffffff1602179055506060820151815f0160196101000a81548163ffffffff021916908360e01c02179055506080820151816001015590505081877faf75d5340456f37ea830976c5904cd988049fd0897a13b4c0fd9d1c9c37ac2368c8c8c6040516105cc939291906001600160a01b0393909316835260ff91909116602083015263ffffffff16604082015260600190565b60405180910390a3505050505050979650505050505050565b5f81815260016020526040812080548291829160609190600160e01b900463ffffffff16830361062b57604051631d4b860f60e01b81526004810187905260240161020b565b5f86815260208190526040902054600160a81b900463ffffffff1667ffffffffffffffff81111561065e5761065e610f87565b604051908082528060200260200182016040528015610687578160200160208202803683370190505b5091505f5b82518110156106cc575f81815260018301602052604090205483518490839081106106b9576106b9610f9b565b602090810291909101015260010161068c565b50546001600160a01b03811696600160a01b820467ffffffffffffffff169650600160e01b90910463ffffffff1694509092509050565b5f848484846040516020016101b99493929190610faf565b5f5f5f5f61072885610bf4565b546001600160a01b03811696600160a01b820460ff169650600160a81b90910463ffffffff16945092505050565b5f5f61076188610bf4565b600181015481549192506001600160a01b039091163f146107aa57805460405163fd888c5560e01b8152600481018a90526001600160a01b03909116602482015260440161020b565b8054600160a81b900463ffffffff1684146107f75780546040516305f3a5bb60e21b8152600481018a905260248101869052600160a81b90910463ffffffff16604482015260640161020b565b8054606090600160a01b900460ff166108e35784602061081889601f610fe3565b6108229190611010565b61082d906020611023565b610838826020611023565b610843906024610fe3565b61084e906020610fe3565b6108589190610fe3565b67ffffffffffffffff81111561087057610870610f87565b6040519080825280601f01601f19166020018201604052801561089a576020820181803683370190505b508354600160c81b900460e01b602080830182815284820291820160248501529294509091908960448601378260200260248201019050898152898b602083013750505061093d565b8154604051600160c81b90910460e01b90610908908a908a908a908a9060240161106a565b60408051601f198184030181529190526020810180516001600160e01b03166001600160e01b03199093169290921790915290505b81546040515f9182916001600160a01b039091169061095d908590610f1b565b5f60405180830381855afa9150503d805f8114610995576040519150601f19603f3d011682016040523d82523d5f602084013e61099a565b606091505b5091509150816109c1578a81604051630bf38ac160e21b815260040161020b9291906110b2565b8354600160a01b900460ff1660011480156109fc5750805160201415806109fc5750808060200190518101906109f79190610f2d565b600114155b15610a1e578a81604051630bf38ac160e21b815260040161020b9291906110b2565b5f8b815260016020819052604090912080549091610a4991600160e01b900463ffffffff16906110ee565b81546001600160e01b0319163367ffffffffffffffff60a01b191617600160a01b4367ffffffffffffffff1602176001600160e01b0316600160e01b63ffffffff83160217825595505f5b88811015610b1d575f8a8a83818110610aaf57610aaf610f9b565b9050602002013590507f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f00000018110610b0257604051632e45723560e21b8152600481018f90526024810183905260440161020b565b5f828152600180850160205260409091209190915501610a94565b50336001600160a01b0316878d7fad141d77bfc98f30ecd80ceeb37ef71c77ad9a9c32b1c24840ef405e042361bb898d8d604051610b5d9392919061110a565b60405180910390a450505050509695505050505050565b6060815f03610b9a5750506040805180820190915260018152600360fc1b602082015290565b8115610bef57610bab600a83611132565b610bb6906030610fe3565b60f81b81604051602001610bcb929190611145565b60408051601f198184030181529190529050610be8600a83611010565b9150610b9a565b919050565b5f81815260208190526040902080546001600160a01b0316610bef5760405163a2dc062560e01b81526004810183905260240161020b565b80356001600160a01b0381168114610bef575f5ffd5b803560ff81168114610bef575f5ffd5b803563ffffffff81168114610bef575f5ffd5b5f5f5f5f60808587031215610c78575f5ffd5b84359350610c8860208601610c2c565b9250610c9660408601610c42565b9150610ca460608601610c52565b905092959194509250565b5f5f83601f840112610cbf575f5ffd5b50813567ffffffffffffffff811115610cd6575f5ffd5b602083019150836020828501011115610ced575f5ffd5b9250929050565b5f5f5f5f5f5f5f60c0888a031215610d0a575f5ffd5b8735965060208801359550604088013567ffffffffffffffff811115610d2e575f5ffd5b610d3a8a828b01610caf565b9096509450610d4d905060608901610c2c565b9250610d5b60808901610c42565b9150610d6960a08901610c52565b905092959891949750929550565b5f60208284031215610d87575f5ffd5b5035919050565b6001600160a01b038516815267ffffffffffffffff841660208083019190915263ffffffff8416604083015260806060830181905283519083018190525f9184019060a0840190835b81811015610df5578351835260209384019390920191600101610dd7565b509098975050505050505050565b5f5f5f5f60608587031215610e16575f5ffd5b8435935060208501359250604085013567ffffffffffffffff811115610e3a575f5ffd5b610e4687828801610caf565b95989497509550505050565b5f5f5f5f5f5f60808789031215610e67575f5ffd5b86359550602087013567ffffffffffffffff811115610e84575f5ffd5b610e9089828a01610caf565b909650945050604087013567ffffffffffffffff811115610eaf575f5ffd5b8701601f81018913610ebf575f5ffd5b803567ffffffffffffffff811115610ed5575f5ffd5b8960208260051b8401011115610ee9575f5ffd5b96999598509396602090940195946060909401359392505050565b5f81518060208401855e5f93019283525090919050565b5f610f268284610f04565b9392505050565b5f60208284031215610f3d575f5ffd5b5051919050565b7f76657269667950726f6f662862797465732c75696e743235365b00000000000081525f610f75601a830184610f04565b615d2960f01b81526002019392505050565b634e487b7160e01b5f52604160045260245ffd5b634e487b7160e01b5f52603260045260245ffd5b848152836020820152818360408301375f91016040019081529392505050565b634e487b7160e01b5f52601160045260245ffd5b80820180821115610ff657610ff6610fcf565b92915050565b634e487b7160e01b5f52601260045260245ffd5b5f8261101e5761101e610ffc565b500490565b8082028115828204841417610ff657610ff6610fcf565b8183525f6001600160fb1b03831115611051575f5ffd5b8260051b80836020870137939093016020019392505050565b60408152836040820152838560608301375f606085830101525f601f19601f860116820160608382030160208401526110a760608201858761103a565b979650505050505050565b828152604060208201525f82518060408401528060208501606085015e5f606082850101526060601f19601f8301168401019150509392505050565b63ffffffff8181168382160190811115610ff657610ff6610fcf565b63ffffffff84168152604060208201525f61112960408301848661103a565b95945050505050565b5f8261114057611140610ffc565b500690565b6001600160f81b0319831681525f6111606001830184610f04565b94935050505056fea264697066735822122072b6f10038372901533895c0ac8732500a6cb0e32249663a0d37950d427a094364736f6c63430008250033",
}

// ZkmlRegistry is an auto generated Go binding around an Ethereum contract.
type ZkmlRegistry struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *ZkmlRegistry) GetABI() abi.ABI {
	return c.abi
}

// NewZkmlRegistry creates a new instance of ZkmlRegistry.
func NewZkmlRegistry() *ZkmlRegistry {
	parsed, err := ZkmlRegistryMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &ZkmlRegistry{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *ZkmlRegistry) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackGROTH16 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe5199e6c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function GROTH16() view returns(uint8)
func (zkmlRegistry *ZkmlRegistry) PackGROTH16() []byte {
	enc, err := zkmlRegistry.abi.Pack("GROTH16")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGROTH16 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe5199e6c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function GROTH16() view returns(uint8)
func (zkmlRegistry *ZkmlRegistry) TryPackGROTH16() ([]byte, error) {
	return zkmlRegistry.abi.Pack("GROTH16")
}

// UnpackGROTH16 is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe5199e6c.
//
// Solidity: function GROTH16() view returns(uint8)
func (zkmlRegistry *ZkmlRegistry) UnpackGROTH16(data []byte) (uint8, error) {
	out, err := zkmlRegistry.abi.Unpack("GROTH16", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackPLONK is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8cbfb491.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function PLONK() view returns(uint8)
func (zkmlRegistry *ZkmlRegistry) PackPLONK() []byte {
	enc, err := zkmlRegistry.abi.Pack("PLONK")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPLONK is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8cbfb491.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function PLONK() view returns(uint8)
func (zkmlRegistry *ZkmlRegistry) TryPackPLONK() ([]byte, error) {
	return zkmlRegistry.abi.Pack("PLONK")
}

// UnpackPLONK is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8cbfb491.
//
// Solidity: function PLONK() view returns(uint8)
func (zkmlRegistry *ZkmlRegistry) UnpackPLONK(data []byte) (uint8, error) {
	out, err := zkmlRegistry.abi.Unpack("PLONK", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackBuildHashOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6bc67fe.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function buildHashOf(bytes32 planHash, bytes32 keyHash, bytes layout) pure returns(bytes32)
func (zkmlRegistry *ZkmlRegistry) PackBuildHashOf(planHash [32]byte, keyHash [32]byte, layout []byte) []byte {
	enc, err := zkmlRegistry.abi.Pack("buildHashOf", planHash, keyHash, layout)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBuildHashOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6bc67fe.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function buildHashOf(bytes32 planHash, bytes32 keyHash, bytes layout) pure returns(bytes32)
func (zkmlRegistry *ZkmlRegistry) TryPackBuildHashOf(planHash [32]byte, keyHash [32]byte, layout []byte) ([]byte, error) {
	return zkmlRegistry.abi.Pack("buildHashOf", planHash, keyHash, layout)
}

// UnpackBuildHashOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc6bc67fe.
//
// Solidity: function buildHashOf(bytes32 planHash, bytes32 keyHash, bytes layout) pure returns(bytes32)
func (zkmlRegistry *ZkmlRegistry) UnpackBuildHashOf(data []byte) ([32]byte, error) {
	out, err := zkmlRegistry.abi.Unpack("buildHashOf", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackLastResult is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb5c9da15.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lastResult(bytes32 modelId) view returns(address prover, uint64 blockNumber, uint32 sequence, uint256[] outputs)
func (zkmlRegistry *ZkmlRegistry) PackLastResult(modelId [32]byte) []byte {
	enc, err := zkmlRegistry.abi.Pack("lastResult", modelId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLastResult is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb5c9da15.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lastResult(bytes32 modelId) view returns(address prover, uint64 blockNumber, uint32 sequence, uint256[] outputs)
func (zkmlRegistry *ZkmlRegistry) TryPackLastResult(modelId [32]byte) ([]byte, error) {
	return zkmlRegistry.abi.Pack("lastResult", modelId)
}

// LastResultOutput serves as a container for the return parameters of contract
// method LastResult.
type LastResultOutput struct {
	Prover      common.Address
	BlockNumber uint64
	Sequence    uint32
	Outputs     []*big.Int
}

// UnpackLastResult is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb5c9da15.
//
// Solidity: function lastResult(bytes32 modelId) view returns(address prover, uint64 blockNumber, uint32 sequence, uint256[] outputs)
func (zkmlRegistry *ZkmlRegistry) UnpackLastResult(data []byte) (LastResultOutput, error) {
	out, err := zkmlRegistry.abi.Unpack("lastResult", data)
	outstruct := new(LastResultOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Prover = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.BlockNumber = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	outstruct.Sequence = *abi.ConvertType(out[2], new(uint32)).(*uint32)
	outstruct.Outputs = *abi.ConvertType(out[3], new([]*big.Int)).(*[]*big.Int)
	return *outstruct, nil
}

// PackModel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xee19e84b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function model(bytes32 modelId) view returns(address verifier, uint8 backend, uint32 publicInputs)
func (zkmlRegistry *ZkmlRegistry) PackModel(modelId [32]byte) []byte {
	enc, err := zkmlRegistry.abi.Pack("model", modelId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackModel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xee19e84b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function model(bytes32 modelId) view returns(address verifier, uint8 backend, uint32 publicInputs)
func (zkmlRegistry *ZkmlRegistry) TryPackModel(modelId [32]byte) ([]byte, error) {
	return zkmlRegistry.abi.Pack("model", modelId)
}

// ModelOutput serves as a container for the return parameters of contract
// method Model.
type ModelOutput struct {
	Verifier     common.Address
	Backend      uint8
	PublicInputs uint32
}

// UnpackModel is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xee19e84b.
//
// Solidity: function model(bytes32 modelId) view returns(address verifier, uint8 backend, uint32 publicInputs)
func (zkmlRegistry *ZkmlRegistry) UnpackModel(data []byte) (ModelOutput, error) {
	out, err := zkmlRegistry.abi.Unpack("model", data)
	outstruct := new(ModelOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Verifier = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.Backend = *abi.ConvertType(out[1], new(uint8)).(*uint8)
	outstruct.PublicInputs = *abi.ConvertType(out[2], new(uint32)).(*uint32)
	return *outstruct, nil
}

// PackModelIdOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x591f2e75.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function modelIdOf(bytes32 buildHash, address verifier, uint8 backend, uint32 publicInputs) view returns(bytes32)
func (zkmlRegistry *ZkmlRegistry) PackModelIdOf(buildHash [32]byte, verifier common.Address, backend uint8, publicInputs uint32) []byte {
	enc, err := zkmlRegistry.abi.Pack("modelIdOf", buildHash, verifier, backend, publicInputs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackModelIdOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x591f2e75.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function modelIdOf(bytes32 buildHash, address verifier, uint8 backend, uint32 publicInputs) view returns(bytes32)
func (zkmlRegistry *ZkmlRegistry) TryPackModelIdOf(buildHash [32]byte, verifier common.Address, backend uint8, publicInputs uint32) ([]byte, error) {
	return zkmlRegistry.abi.Pack("modelIdOf", buildHash, verifier, backend, publicInputs)
}

// UnpackModelIdOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x591f2e75.
//
// Solidity: function modelIdOf(bytes32 buildHash, address verifier, uint8 backend, uint32 publicInputs) view returns(bytes32)
func (zkmlRegistry *ZkmlRegistry) UnpackModelIdOf(data []byte) ([32]byte, error) {
	out, err := zkmlRegistry.abi.Unpack("modelIdOf", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5eb19ff0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function register(bytes32 planHash, bytes32 keyHash, bytes layout, address verifier, uint8 backend, uint32 publicInputs) returns(bytes32 modelId)
func (zkmlRegistry *ZkmlRegistry) PackRegister(planHash [32]byte, keyHash [32]byte, layout []byte, verifier common.Address, backend uint8, publicInputs uint32) []byte {
	enc, err := zkmlRegistry.abi.Pack("register", planHash, keyHash, layout, verifier, backend, publicInputs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5eb19ff0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function register(bytes32 planHash, bytes32 keyHash, bytes layout, address verifier, uint8 backend, uint32 publicInputs) returns(bytes32 modelId)
func (zkmlRegistry *ZkmlRegistry) TryPackRegister(planHash [32]byte, keyHash [32]byte, layout []byte, verifier common.Address, backend uint8, publicInputs uint32) ([]byte, error) {
	return zkmlRegistry.abi.Pack("register", planHash, keyHash, layout, verifier, backend, publicInputs)
}

// UnpackRegister is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5eb19ff0.
//
// Solidity: function register(bytes32 planHash, bytes32 keyHash, bytes layout, address verifier, uint8 backend, uint32 publicInputs) returns(bytes32 modelId)
func (zkmlRegistry *ZkmlRegistry) UnpackRegister(data []byte) ([32]byte, error) {
	out, err := zkmlRegistry.abi.Unpack("register", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackVerify is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xef4c990e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verify(bytes32 modelId, bytes proof, uint256[] publicInputs, bytes32 inputCommitment) returns(uint32 sequence)
func (zkmlRegistry *ZkmlRegistry) PackVerify(modelId [32]byte, proof []byte, publicInputs []*big.Int, inputCommitment [32]byte) []byte {
	enc, err := zkmlRegistry.abi.Pack("verify", modelId, proof, publicInputs, inputCommitment)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerify is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xef4c990e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verify(bytes32 modelId, bytes proof, uint256[] publicInputs, bytes32 inputCommitment) returns(uint32 sequence)
func (zkmlRegistry *ZkmlRegistry) TryPackVerify(modelId [32]byte, proof []byte, publicInputs []*big.Int, inputCommitment [32]byte) ([]byte, error) {
	return zkmlRegistry.abi.Pack("verify", modelId, proof, publicInputs, inputCommitment)
}

// UnpackVerify is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xef4c990e.
//
// Solidity: function verify(bytes32 modelId, bytes proof, uint256[] publicInputs, bytes32 inputCommitment) returns(uint32 sequence)
func (zkmlRegistry *ZkmlRegistry) UnpackVerify(data []byte) (uint32, error) {
	out, err := zkmlRegistry.abi.Unpack("verify", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// ZkmlRegistryModelRegistered represents a ModelRegistered event raised by the ZkmlRegistry contract.
type ZkmlRegistryModelRegistered struct {
	ModelId      [32]byte
	BuildHash    [32]byte
	Verifier     common.Address
	Backend      uint8
	PublicInputs uint32
	Raw          *types.Log // Blockchain specific contextual infos
}

const ZkmlRegistryModelRegisteredEventName = "ModelRegistered"

// ContractEventName returns the user-defined event name.
func (ZkmlRegistryModelRegistered) ContractEventName() string {
	return ZkmlRegistryModelRegisteredEventName
}

// UnpackModelRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ModelRegistered(bytes32 indexed modelId, bytes32 indexed buildHash, address verifier, uint8 backend, uint32 publicInputs)
func (zkmlRegistry *ZkmlRegistry) UnpackModelRegisteredEvent(log *types.Log) (*ZkmlRegistryModelRegistered, error) {
	event := "ModelRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != zkmlRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ZkmlRegistryModelRegistered)
	if len(log.Data) > 0 {
		if err := zkmlRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range zkmlRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ZkmlRegistryProofVerified represents a ProofVerified event raised by the ZkmlRegistry contract.
type ZkmlRegistryProofVerified struct {
	ModelId         [32]byte
	InputCommitment [32]byte
	Prover          common.Address
	Sequence        uint32
	Outputs         []*big.Int
	Raw             *types.Log // Blockchain specific contextual infos
}

const ZkmlRegistryProofVerifiedEventName = "ProofVerified"

// ContractEventName returns the user-defined event name.
func (ZkmlRegistryProofVerified) ContractEventName() string {
	return ZkmlRegistryProofVerifiedEventName
}

// UnpackProofVerifiedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ProofVerified(bytes32 indexed modelId, bytes32 indexed inputCommitment, address indexed prover, uint32 sequence, uint256[] outputs)
func (zkmlRegistry *ZkmlRegistry) UnpackProofVerifiedEvent(log *types.Log) (*ZkmlRegistryProofVerified, error) {
	event := "ProofVerified"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != zkmlRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ZkmlRegistryProofVerified)
	if len(log.Data) > 0 {
		if err := zkmlRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range zkmlRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (zkmlRegistry *ZkmlRegistry) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["DelegatedAccount"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackDelegatedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["KeyMismatch"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackKeyMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["ModelAlreadyRegistered"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackModelAlreadyRegisteredError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["NoPublicInputs"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackNoPublicInputsError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["NoResult"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackNoResultError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["NotAContract"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackNotAContractError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["NotAZkmlVerifier"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackNotAZkmlVerifierError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["OutputNotInField"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackOutputNotInFieldError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["ProofRejected"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackProofRejectedError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["UnknownModel"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackUnknownModelError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["UnsupportedBackend"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackUnsupportedBackendError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["VerifierCodeChanged"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackVerifierCodeChangedError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["WrongPublicInputCount"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackWrongPublicInputCountError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// ZkmlRegistryDelegatedAccount represents a DelegatedAccount error raised by the ZkmlRegistry contract.
type ZkmlRegistryDelegatedAccount struct {
	Verifier common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DelegatedAccount(address verifier)
func ZkmlRegistryDelegatedAccountErrorID() common.Hash {
	return common.HexToHash("0x517768b2c631c9b149d6d3e0148127730382fdef08873e64461ebdccab67d696")
}

// UnpackDelegatedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DelegatedAccount(address verifier)
func (zkmlRegistry *ZkmlRegistry) UnpackDelegatedAccountError(raw []byte) (*ZkmlRegistryDelegatedAccount, error) {
	out := new(ZkmlRegistryDelegatedAccount)
	if err := zkmlRegistry.abi.UnpackIntoInterface(out, "DelegatedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ZkmlRegistryKeyMismatch represents a KeyMismatch error raised by the ZkmlRegistry contract.
type ZkmlRegistryKeyMismatch struct {
	Verifier    common.Address
	VerifierKey [32]byte
	BuildKey    [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error KeyMismatch(address verifier, bytes32 verifierKey, bytes32 buildKey)
func ZkmlRegistryKeyMismatchErrorID() common.Hash {
	return common.HexToHash("0x9ea7e98517d3648295e6fff8670e747ede341b099275d17d76ef88a54e530ed5")
}

// UnpackKeyMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error KeyMismatch(address verifier, bytes32 verifierKey, bytes32 buildKey)
func (zkmlRegistry *ZkmlRegistry) UnpackKeyMismatchError(raw []byte) (*ZkmlRegistryKeyMismatch, error) {
	out := new(ZkmlRegistryKeyMismatch)
	if err := zkmlRegistry.abi.UnpackIntoInterface(out, "KeyMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ZkmlRegistryModelAlreadyRegistered represents a ModelAlreadyRegistered error raised by the ZkmlRegistry contract.
type ZkmlRegistryModelAlreadyRegistered struct {
	ModelId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ModelAlreadyRegistered(bytes32 modelId)
func ZkmlRegistryModelAlreadyRegisteredErrorID() common.Hash {
	return common.HexToHash("0x94c5f3c8906b23d143d0e4652228c6e6c356e60077eb7e948ea0da7725db6161")
}

// UnpackModelAlreadyRegisteredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ModelAlreadyRegistered(bytes32 modelId)
func (zkmlRegistry *ZkmlRegistry) UnpackModelAlreadyRegisteredError(raw []byte) (*ZkmlRegistryModelAlreadyRegistered, error) {
	out := new(ZkmlRegistryModelAlreadyRegistered)
	if err := zkmlRegistry.abi.UnpackIntoInterface(out, "ModelAlreadyRegistered", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ZkmlRegistryNoPublicInputs represents a NoPublicInputs error raised by the ZkmlRegistry contract.
type ZkmlRegistryNoPublicInputs struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoPublicInputs()
func ZkmlRegistryNoPublicInputsErrorID() common.Hash {
	return common.HexToHash("0x89978f15bf993b00b07a021f896ae88bd8521185db8b0906dee2644b0736a952")
}

// UnpackNoPublicInputsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoPublicInputs()
func (zkmlRegistry *ZkmlRegistry) UnpackNoPublicInputsError(raw []byte) (*ZkmlRegistryNoPublicInputs, error) {
	out := new(ZkmlRegistryNoPublicInputs)
	if err := zkmlRegistry.abi.UnpackIntoInterface(out, "NoPublicInputs", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ZkmlRegistryNoResult represents a NoResult error raised by the ZkmlRegistry contract.
type ZkmlRegistryNoResult struct {
	ModelId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoResult(bytes32 modelId)
func ZkmlRegistryNoResultErrorID() common.Hash {
	return common.HexToHash("0x1d4b860ff6b7cbfb5d8e56f0ad28a88e604415065440e53cae5c50ceb220c2bb")
}

// UnpackNoResultError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoResult(bytes32 modelId)
func (zkmlRegistry *ZkmlRegistry) UnpackNoResultError(raw []byte) (*ZkmlRegistryNoResult, error) {
	out := new(ZkmlRegistryNoResult)
	if err := zkmlRegistry.abi.UnpackIntoInterface(out, "NoResult", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ZkmlRegistryNotAContract represents a NotAContract error raised by the ZkmlRegistry contract.
type ZkmlRegistryNotAContract struct {
	Verifier common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotAContract(address verifier)
func ZkmlRegistryNotAContractErrorID() common.Hash {
	return common.HexToHash("0x8a8b41ec6b8382733436ac0321a506b0d1e41dc29c8650d1fd1ff17e726ab809")
}

// UnpackNotAContractError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotAContract(address verifier)
func (zkmlRegistry *ZkmlRegistry) UnpackNotAContractError(raw []byte) (*ZkmlRegistryNotAContract, error) {
	out := new(ZkmlRegistryNotAContract)
	if err := zkmlRegistry.abi.UnpackIntoInterface(out, "NotAContract", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ZkmlRegistryNotAZkmlVerifier represents a NotAZkmlVerifier error raised by the ZkmlRegistry contract.
type ZkmlRegistryNotAZkmlVerifier struct {
	Verifier common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotAZkmlVerifier(address verifier)
func ZkmlRegistryNotAZkmlVerifierErrorID() common.Hash {
	return common.HexToHash("0x6069beacc996d3363b295266aeb85394dad4d0b5d3681201d9c69cf6d1a61294")
}

// UnpackNotAZkmlVerifierError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotAZkmlVerifier(address verifier)
func (zkmlRegistry *ZkmlRegistry) UnpackNotAZkmlVerifierError(raw []byte) (*ZkmlRegistryNotAZkmlVerifier, error) {
	out := new(ZkmlRegistryNotAZkmlVerifier)
	if err := zkmlRegistry.abi.UnpackIntoInterface(out, "NotAZkmlVerifier", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ZkmlRegistryOutputNotInField represents a OutputNotInField error raised by the ZkmlRegistry contract.
type ZkmlRegistryOutputNotInField struct {
	ModelId [32]byte
	Index   *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OutputNotInField(bytes32 modelId, uint256 index)
func ZkmlRegistryOutputNotInFieldErrorID() common.Hash {
	return common.HexToHash("0xb915c8d495a17e45cd5e30db475a81c18b2fb4d40c54cc455e85ede64d71ec77")
}

// UnpackOutputNotInFieldError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OutputNotInField(bytes32 modelId, uint256 index)
func (zkmlRegistry *ZkmlRegistry) UnpackOutputNotInFieldError(raw []byte) (*ZkmlRegistryOutputNotInField, error) {
	out := new(ZkmlRegistryOutputNotInField)
	if err := zkmlRegistry.abi.UnpackIntoInterface(out, "OutputNotInField", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ZkmlRegistryProofRejected represents a ProofRejected error raised by the ZkmlRegistry contract.
type ZkmlRegistryProofRejected struct {
	ModelId [32]byte
	Reason  []byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ProofRejected(bytes32 modelId, bytes reason)
func ZkmlRegistryProofRejectedErrorID() common.Hash {
	return common.HexToHash("0x2fce2b04fd3d60e4953c61e1236bfafd57a443c9a44f4edcc8f7bea94afe2295")
}

// UnpackProofRejectedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ProofRejected(bytes32 modelId, bytes reason)
func (zkmlRegistry *ZkmlRegistry) UnpackProofRejectedError(raw []byte) (*ZkmlRegistryProofRejected, error) {
	out := new(ZkmlRegistryProofRejected)
	if err := zkmlRegistry.abi.UnpackIntoInterface(out, "ProofRejected", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ZkmlRegistryUnknownModel represents a UnknownModel error raised by the ZkmlRegistry contract.
type ZkmlRegistryUnknownModel struct {
	ModelId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownModel(bytes32 modelId)
func ZkmlRegistryUnknownModelErrorID() common.Hash {
	return common.HexToHash("0xa2dc0625b3fe9caa2cc8653c3bb80baa7333672dfd886a80b6343d529b2daa98")
}

// UnpackUnknownModelError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownModel(bytes32 modelId)
func (zkmlRegistry *ZkmlRegistry) UnpackUnknownModelError(raw []byte) (*ZkmlRegistryUnknownModel, error) {
	out := new(ZkmlRegistryUnknownModel)
	if err := zkmlRegistry.abi.UnpackIntoInterface(out, "UnknownModel", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ZkmlRegistryUnsupportedBackend represents a UnsupportedBackend error raised by the ZkmlRegistry contract.
type ZkmlRegistryUnsupportedBackend struct {
	Backend uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnsupportedBackend(uint8 backend)
func ZkmlRegistryUnsupportedBackendErrorID() common.Hash {
	return common.HexToHash("0x5662b33cb9e16eada7ad2ad3e7a5044f8cef79ba282938dc9cac8faa8d592427")
}

// UnpackUnsupportedBackendError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnsupportedBackend(uint8 backend)
func (zkmlRegistry *ZkmlRegistry) UnpackUnsupportedBackendError(raw []byte) (*ZkmlRegistryUnsupportedBackend, error) {
	out := new(ZkmlRegistryUnsupportedBackend)
	if err := zkmlRegistry.abi.UnpackIntoInterface(out, "UnsupportedBackend", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ZkmlRegistryVerifierCodeChanged represents a VerifierCodeChanged error raised by the ZkmlRegistry contract.
type ZkmlRegistryVerifierCodeChanged struct {
	ModelId  [32]byte
	Verifier common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error VerifierCodeChanged(bytes32 modelId, address verifier)
func ZkmlRegistryVerifierCodeChangedErrorID() common.Hash {
	return common.HexToHash("0xfd888c5574f32fc00c4d9a41977fad7b8bc5cef1735f0f1bb8cea419a6732144")
}

// UnpackVerifierCodeChangedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error VerifierCodeChanged(bytes32 modelId, address verifier)
func (zkmlRegistry *ZkmlRegistry) UnpackVerifierCodeChangedError(raw []byte) (*ZkmlRegistryVerifierCodeChanged, error) {
	out := new(ZkmlRegistryVerifierCodeChanged)
	if err := zkmlRegistry.abi.UnpackIntoInterface(out, "VerifierCodeChanged", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ZkmlRegistryWrongPublicInputCount represents a WrongPublicInputCount error raised by the ZkmlRegistry contract.
type ZkmlRegistryWrongPublicInputCount struct {
	ModelId [32]byte
	Got     *big.Int
	Want    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongPublicInputCount(bytes32 modelId, uint256 got, uint256 want)
func ZkmlRegistryWrongPublicInputCountErrorID() common.Hash {
	return common.HexToHash("0x17ce96ecf1d02a2cf40c229e73ba39a861982480addf5c7f0dbb15ee20018d88")
}

// UnpackWrongPublicInputCountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongPublicInputCount(bytes32 modelId, uint256 got, uint256 want)
func (zkmlRegistry *ZkmlRegistry) UnpackWrongPublicInputCountError(raw []byte) (*ZkmlRegistryWrongPublicInputCount, error) {
	out := new(ZkmlRegistryWrongPublicInputCount)
	if err := zkmlRegistry.abi.UnpackIntoInterface(out, "WrongPublicInputCount", raw); err != nil {
		return nil, err
	}
	return out, nil
}
