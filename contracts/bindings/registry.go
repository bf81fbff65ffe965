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
	ABI: "[{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"}],\"name\":\"ModelAlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoPublicInputs\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"}],\"name\":\"NoResult\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"}],\"name\":\"NotAContract\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"reason\",\"type\":\"bytes\"}],\"name\":\"ProofRejected\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"}],\"name\":\"UnknownModel\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint8\",\"name\":\"backend\",\"type\":\"uint8\"}],\"name\":\"UnsupportedBackend\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"got\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"want\",\"type\":\"uint256\"}],\"name\":\"WrongPublicInputCount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"buildHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"backend\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"publicInputs\",\"type\":\"uint32\"}],\"name\":\"ModelRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"inputCommitment\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"prover\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"sequence\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint256[]\",\"name\":\"outputs\",\"type\":\"uint256[]\"}],\"name\":\"ProofVerified\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"GROTH16\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"PLONK\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"}],\"name\":\"lastResult\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"prover\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"sequence\",\"type\":\"uint32\"},{\"internalType\":\"uint256[]\",\"name\":\"outputs\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"}],\"name\":\"model\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"backend\",\"type\":\"uint8\"},{\"internalType\":\"uint32\",\"name\":\"publicInputs\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"buildHash\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"backend\",\"type\":\"uint8\"},{\"internalType\":\"uint32\",\"name\":\"publicInputs\",\"type\":\"uint32\"}],\"name\":\"modelIdOf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"buildHash\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"backend\",\"type\":\"uint8\"},{\"internalType\":\"uint32\",\"name\":\"publicInputs\",\"type\":\"uint32\"}],\"name\":\"register\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"proof\",\"type\":\"bytes\"},{\"internalType\":\"uint256[]\",\"name\":\"publicInputs\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes32\",\"name\":\"inputCommitment\",\"type\":\"bytes32\"}],\"name\":\"verify\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"sequence\",\"type\":\"uint32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "ZkmlRegistry",
	Bin: "0x6080604052348015600e575f5ffd5b50610e148061001c5f395ff3fe608060405234801561000f575f5ffd5b506004361061007a575f3560e01c8063b5c9da1511610058578063b5c9da15146100d1578063e5199e6c146100f4578063ee19e84b146100fb578063ef4c990e1461013b575f5ffd5b8063591f2e751461007e578063837441ab146100a45780638cbfb491146100b7575b5f5ffd5b61009161008c3660046109ae565b610163565b6040519081526020015b60405180910390f35b6100916100b23660046109ae565b6101b4565b6100bf600181565b60405160ff909116815260200161009b565b6100e46100df366004610a16565b61040f565b60405161009b9493929190610a2d565b6100bf5f81565b61010e610109366004610a16565b61052d565b604080516001600160a01b03909416845260ff909216602084015263ffffffff169082015260600161009b565b61014e610149366004610aea565b610568565b60405163ffffffff909116815260200161009b565b604080516020808201969096526001600160a01b03949094163f8482015260ff92909216606084015263ffffffff166080808401919091528151808403909101815260a09092019052805191012090565b5f836001600160a01b03163b5f036101ef576040516322a2d07b60e21b81526001600160a01b03851660048201526024015b60405180910390fd5b600160ff8416111561021957604051631598accf60e21b815260ff841660048201526024016101e6565b8163ffffffff165f0361023f576040516389978f1560e01b815260040160405180910390fd5b61024b85858585610163565b5f818152602081905260409020549091506001600160a01b03161561028657604051631298be7960e31b8152600481018290526024016101e6565b5f60ff8416156102b6577f7e4f7a8a3016bf75945a95ae04e6678ed3bb4fb93fae55a684467fa45acd6b396102ec565b6102c58363ffffffff166108f6565b6040516020016102d59190610bb1565b604051602081830303815290604052805190602001205b604080516080810182526001600160a01b03808916825260ff808916602080850191825263ffffffff808b168688019081526001600160e01b03198916606088019081525f8c815293849052928890209651875494519151935160e01c600160c81b0263ffffffff60c81b1994909316600160a81b029390931667ffffffffffffffff60a81b1991909516600160a01b026001600160a81b031990941692909516919091179190911792909216171790555190915082907faf75d5340456f37ea830976c5904cd988049fd0897a13b4c0fd9d1c9c37ac236906103fe9089908990899089909384526001600160a01b0392909216602084015260ff16604083015263ffffffff16606082015260800190565b60405180910390a250949350505050565b5f81815260016020526040812080548291829160609190600160e01b900463ffffffff16830361045557604051631d4b860f60e01b8152600481018790526024016101e6565b5f86815260208190526040902054600160a81b900463ffffffff1667ffffffffffffffff81111561048857610488610bf4565b6040519080825280602002602001820160405280156104b1578160200160208202803683370190505b5091505f5b82518110156104f6575f81815260018301602052604090205483518490839081106104e3576104e3610c08565b60209081029190910101526001016104b6565b50546001600160a01b03811696600160a01b820467ffffffffffffffff169650600160e01b90910463ffffffff1694509092509050565b5f5f5f5f61053a85610976565b546001600160a01b03811696600160a01b820460ff169650600160a81b90910463ffffffff16945092505050565b5f5f61057388610976565b8054909150600160a81b900463ffffffff1684146105c35780546040516305f3a5bb60e21b8152600481018a905260248101869052600160a81b90910463ffffffff1660448201526064016101e6565b8054606090600160a01b900460ff166106af578460206105e489601f610c30565b6105ee9190610c5d565b6105f9906020610c70565b610604826020610c70565b61060f906024610c30565b61061a906020610c30565b6106249190610c30565b67ffffffffffffffff81111561063c5761063c610bf4565b6040519080825280601f01601f191660200182016040528015610666576020820181803683370190505b508354600160c81b900460e01b602080830182815284820291820160248501529294509091908960448601378260200260248201019050898152898b6020830137505050610709565b8154604051600160c81b90910460e01b906106d4908a908a908a908a90602401610cb7565b60408051601f198184030181529190526020810180516001600160e01b03166001600160e01b03199093169290921790915290505b81546040515f9182916001600160a01b0390911690610729908590610cff565b5f60405180830381855afa9150503d805f8114610761576040519150601f19603f3d011682016040523d82523d5f602084013e610766565b606091505b50915091508161078d578a81604051630bf38ac160e21b81526004016101e6929190610d11565b8354600160a01b900460ff1660011480156107c85750805160201415806107c85750808060200190518101906107c39190610d4d565b600114155b156107ea578a81604051630bf38ac160e21b81526004016101e6929190610d11565b5f8b81526001602081905260409091208054909161081591600160e01b900463ffffffff1690610d64565b81546001600160e01b0319163367ffffffffffffffff60a01b191617600160a01b4367ffffffffffffffff1602176001600160e01b0316600160e01b63ffffffff83160217825595505f5b8881101561089f5789898281811061087a5761087a610c08565b5f84815260018681016020908152604090922092909102939093013590555001610860565b50336001600160a01b0316878d7fad141d77bfc98f30ecd80ceeb37ef71c77ad9a9c32b1c24840ef405e042361bb898d8d6040516108df93929190610d80565b60405180910390a450505050509695505050505050565b6060815f0361091c5750506040805180820190915260018152600360fc1b602082015290565b81156109715761092d600a83610da8565b610938906030610c30565b60f81b8160405160200161094d929190610dbb565b60408051601f19818403018152919052905061096a600a83610c5d565b915061091c565b919050565b5f81815260208190526040902080546001600160a01b03166109715760405163a2dc062560e01b8152600481018390526024016101e6565b5f5f5f5f608085870312156109c1575f5ffd5b8435935060208501356001600160a01b03811681146109de575f5ffd5b9250604085013560ff811681146109f3575f5ffd5b9150606085013563ffffffff81168114610a0b575f5ffd5b939692955090935050565b5f60208284031215610a26575f5ffd5b5035919050565b6001600160a01b038516815267ffffffffffffffff841660208083019190915263ffffffff8416604083015260806060830181905283519083018190525f9184019060a0840190835b81811015610a94578351835260209384019390920191600101610a76565b509098975050505050505050565b5f5f83601f840112610ab2575f5ffd5b50813567ffffffffffffffff811115610ac9575f5ffd5b6020830191508360208260051b8501011115610ae3575f5ffd5b9250929050565b5f5f5f5f5f5f60808789031215610aff575f5ffd5b86359550602087013567ffffffffffffffff811115610b1c575f5ffd5b8701601f81018913610b2c575f5ffd5b803567ffffffffffffffff811115610b42575f5ffd5b896020828401011115610b53575f5ffd5b60209190910195509350604087013567ffffffffffffffff811115610b76575f5ffd5b610b8289828a01610aa2565b979a9699509497949695606090950135949350505050565b5f81518060208401855e5f93019283525090919050565b7f76657269667950726f6f662862797465732c75696e743235365b00000000000081525f610be2601a830184610b9a565b615d2960f01b81526002019392505050565b634e487b7160e01b5f52604160045260245ffd5b634e487b7160e01b5f52603260045260245ffd5b634e487b7160e01b5f52601160045260245ffd5b80820180821115610c4357610c43610c1c565b92915050565b634e487b7160e01b5f52601260045260245ffd5b5f82610c6b57610c6b610c49565b500490565b8082028115828204841417610c4357610c43610c1c565b8183525f6001600160fb1b03831115610c9e575f5ffd5b8260051b80836020870137939093016020019392505050565b60408152836040820152838560608301375f606085830101525f601f19601f86011682016060838203016020840152610cf4606082018587610c87565b979650505050505050565b5f610d0a8284610b9a565b9392505050565b828152604060208201525f82518060408401528060208501606085015e5f606082850101526060601f19601f8301168401019150509392505050565b5f60208284031215610d5d575f5ffd5b5051919050565b63ffffffff8181168382160190811115610c4357610c43610c1c565b63ffffffff84168152604060208201525f610d9f604083018486610c87565b95945050505050565b5f82610db657610db6610c49565b500690565b6001600160f81b0319831681525f610dd66001830184610b9a565b94935050505056fea2646970667358221220fde5f3461b02eba9eb8a930e8cfc8190608534ac2054d732f7230d35a22419e864736f6c63430008250033",
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
// the contract method with ID 0x837441ab.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function register(bytes32 buildHash, address verifier, uint8 backend, uint32 publicInputs) returns(bytes32 modelId)
func (zkmlRegistry *ZkmlRegistry) PackRegister(buildHash [32]byte, verifier common.Address, backend uint8, publicInputs uint32) []byte {
	enc, err := zkmlRegistry.abi.Pack("register", buildHash, verifier, backend, publicInputs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x837441ab.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function register(bytes32 buildHash, address verifier, uint8 backend, uint32 publicInputs) returns(bytes32 modelId)
func (zkmlRegistry *ZkmlRegistry) TryPackRegister(buildHash [32]byte, verifier common.Address, backend uint8, publicInputs uint32) ([]byte, error) {
	return zkmlRegistry.abi.Pack("register", buildHash, verifier, backend, publicInputs)
}

// UnpackRegister is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x837441ab.
//
// Solidity: function register(bytes32 buildHash, address verifier, uint8 backend, uint32 publicInputs) returns(bytes32 modelId)
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
// Solidity: event ModelRegistered(bytes32 indexed modelId, bytes32 buildHash, address verifier, uint8 backend, uint32 publicInputs)
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
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["ProofRejected"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackProofRejectedError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["UnknownModel"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackUnknownModelError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["UnsupportedBackend"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackUnsupportedBackendError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["WrongPublicInputCount"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackWrongPublicInputCountError(raw[4:])
	}
	return nil, errors.New("Unknown error")
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
