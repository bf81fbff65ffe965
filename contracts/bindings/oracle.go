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

// ZkmlThresholdOracleMetaData contains all meta data concerning the ZkmlThresholdOracle contract.
var ZkmlThresholdOracleMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractZkmlRegistry\",\"name\":\"registry_\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"modelId_\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"outputIndex_\",\"type\":\"uint256\"},{\"internalType\":\"int256\",\"name\":\"threshold_\",\"type\":\"int256\"},{\"internalType\":\"uint8\",\"name\":\"bitsPerOutput_\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"outputsPerWord_\",\"type\":\"uint8\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"bits\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"perWord\",\"type\":\"uint256\"}],\"name\":\"BadPacking\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint32\",\"name\":\"sequence\",\"type\":\"uint32\"}],\"name\":\"NoNewResult\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"NotAFieldElement\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"outputs\",\"type\":\"uint256\"}],\"name\":\"OutputIndexOutOfRange\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"outputs\",\"type\":\"uint256\"}],\"name\":\"PackedIndexOutOfRange\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint32\",\"name\":\"sequence\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"int256\",\"name\":\"value\",\"type\":\"int256\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"triggered\",\"type\":\"bool\"}],\"name\":\"Observed\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"bitsPerOutput\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastSequence\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastValue\",\"outputs\":[{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"modelId\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"outputIndex\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"outputsPerWord\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registry\",\"outputs\":[{\"internalType\":\"contractZkmlRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"proof\",\"type\":\"bytes\"},{\"internalType\":\"uint256[]\",\"name\":\"outputs\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes32\",\"name\":\"inputCommitment\",\"type\":\"bytes32\"}],\"name\":\"submit\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"sync\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"threshold\",\"outputs\":[{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"triggered\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "ZkmlThresholdOracle",
	Bin: "0x610140604052348015610010575f5ffd5b50604051610e77380380610e7783398101604081905261002f916101c3565b60405163ee19e84b60e01b8152600481018690525f906001600160a01b0388169063ee19e84b90602401606060405180830381865afa158015610074573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906100989190610222565b92505063ffffffff8216905060ff84161515806100b7575060ff831615155b1561013b5760ff841615806100cf5750603f8460ff16115b806100db575060ff8316155b806100f5575060fd6100f360ff808616908716610270565b115b156101255760405163028caf3960e51b815260ff8086166004830152841660248201526044015b60405180910390fd5b61013860ff841663ffffffff8416610270565b90505b8086106101655760405163ab553ef560e01b8152600481018790526024810182905260440161011c565b50506001600160a01b0390951660805260a09390935260c09190915260e05260ff908116610100521661012052610299565b6001600160a01b03811681146101ab575f5ffd5b50565b805160ff811681146101be575f5ffd5b919050565b5f5f5f5f5f5f60c087890312156101d8575f5ffd5b86516101e381610197565b80965050602087015194506040870151935060608701519250610208608088016101ae565b915061021660a088016101ae565b90509295509295509295565b5f5f5f60608486031215610234575f5ffd5b835161023f81610197565b925061024d602085016101ae565b9150604084015163ffffffff81168114610265575f5ffd5b809150509250925092565b808202811582820484141761029357634e487b7160e01b5f52601160045260245ffd5b92915050565b60805160a05160c05160e0516101005161012051610b526103255f395f81816101db01526104b301525f818161021401528181610446015261049201525f818161010e015261053b01525f818160af0152818161047101526104e201525f818161013d01528181610271015261034e01525f818161019c0152818161024201526103820152610b525ff3fe608060405234801561000f575f5ffd5b50600436106100a6575f3560e01c806344cd10211161006e57806344cd10211461015f578063741c8907146101825780637b10399914610197578063a94c2314146101d6578063d016c2ae1461020f578063fff6cae914610236575f5ffd5b806336c8c441146100aa5780633bc684e9146100e457806342cde4e814610109578063431838341461013057806343cdaad214610138575b5f5ffd5b6100d17f000000000000000000000000000000000000000000000000000000000000000081565b6040519081526020015b60405180910390f35b6001546100f49063ffffffff1681565b60405163ffffffff90911681526020016100db565b6100d17f000000000000000000000000000000000000000000000000000000000000000081565b6100d15f5481565b6100d17f000000000000000000000000000000000000000000000000000000000000000081565b61017261016d3660046107c5565b61023e565b60405190151581526020016100db565b60015461017290640100000000900460ff1681565b6101be7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020016100db565b6101fd7f000000000000000000000000000000000000000000000000000000000000000081565b60405160ff90911681526020016100db565b6101fd7f000000000000000000000000000000000000000000000000000000000000000081565b61017261033f565b5f5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031663ef4c990e7f000000000000000000000000000000000000000000000000000000000000000089898989896040518763ffffffff1660e01b81526004016102b696959493929190610864565b6020604051808303815f875af11580156102d2573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906102f691906108ee565b9050610334818686808060200260200160405190810160405280939291908181526020018383602002808284375f9201919091525061044092505050565b979650505050505050565b60405163b5c9da1560e01b81527f000000000000000000000000000000000000000000000000000000000000000060048201525f90819081906001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000169063b5c9da15906024015f60405180830381865afa1580156103c6573d5f5f3e3d5ffd5b505050506040513d5f823e601f3d908101601f191682016040526103ed9190810190610922565b600154919550935063ffffffff90811690851611915061042f90505760405163b403974960e01b815263ffffffff831660048201526024015b60405180910390fd5b6104398282610440565b9250505090565b5f8060ff7f000000000000000000000000000000000000000000000000000000000000000016156104dc576104d7837f00000000000000000000000000000000000000000000000000000000000000007f00000000000000000000000000000000000000000000000000000000000000007f00000000000000000000000000000000000000000000000000000000000000006105b6565b61051e565b61051e837f00000000000000000000000000000000000000000000000000000000000000008151811061051157610511610a37565b60200260200101516106d0565b5f8190556001805463ffffffff871664ffffffffff1990911681177f00000000000000000000000000000000000000000000000000000000000000008412156401000000008102919091179092556040805184815260208101849052939450919290917f30c7989ef2ff6add40182953404ac2b9d51a5cfa1d5587ea16c13d6cc4d678f2910160405180910390a29150505b92915050565b5f60ff831615806105ca5750603f8360ff16115b806105d6575060ff8216155b806105f0575060fd6105ee60ff808516908616610a5f565b115b1561061b5760405163028caf3960e51b815260ff808516600483015283166024820152604401610426565b5f61062960ff841686610a8a565b90508551811061066657848360ff1687516106449190610a5f565b6040516305ecc14360e51b815260048101929092526024820152604401610426565b5f610678600160ff871681901b610a9d565b61068560ff861688610ab0565b6106929060ff8816610a5f565b8884815181106106a4576106a4610a37565b6020026020010151901c1690506001856106be9190610ac3565b60ff166001901b816103349190610adc565b5f7f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f000000182106107145760405163bae9ec6760e01b815260048101839052602401610426565b61073f60027f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001610a8a565b82111561077957610770827f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001610a9d565b6105b090610b02565b5090565b5f5f83601f84011261078d575f5ffd5b50813567ffffffffffffffff8111156107a4575f5ffd5b6020830191508360208260051b85010111156107be575f5ffd5b9250929050565b5f5f5f5f5f606086880312156107d9575f5ffd5b853567ffffffffffffffff8111156107ef575f5ffd5b8601601f810188136107ff575f5ffd5b803567ffffffffffffffff811115610815575f5ffd5b886020828401011115610826575f5ffd5b60209182019650945086013567ffffffffffffffff811115610846575f5ffd5b6108528882890161077d565b96999598509660400135949350505050565b86815260806020820152846080820152848660a08301375f60a08683018101829052601f19601f8801168301838103820160408501529081018590526001600160fb1b038511156108b3575f5ffd5b8460051b808760c084013760609390930193909352500160c00195945050505050565b805163ffffffff811681146108e9575f5ffd5b919050565b5f602082840312156108fe575f5ffd5b610907826108d6565b9392505050565b634e487b7160e01b5f52604160045260245ffd5b5f5f5f5f60808587031215610935575f5ffd5b84516001600160a01b038116811461094b575f5ffd5b602086015190945067ffffffffffffffff81168114610968575f5ffd5b9250610976604086016108d6565b9150606085015167ffffffffffffffff811115610991575f5ffd5b8501601f810187136109a1575f5ffd5b805167ffffffffffffffff8111156109bb576109bb61090e565b8060051b604051601f19603f830116810181811067ffffffffffffffff821117156109e8576109e861090e565b60405291825260208184018101929081018a841115610a05575f5ffd5b6020850194505b83851015610a2857845180825260209586019590935001610a0c565b50969995985093965050505050565b634e487b7160e01b5f52603260045260245ffd5b634e487b7160e01b5f52601160045260245ffd5b80820281158282048414176105b0576105b0610a4b565b634e487b7160e01b5f52601260045260245ffd5b5f82610a9857610a98610a76565b500490565b818103818111156105b0576105b0610a4b565b5f82610abe57610abe610a76565b500690565b60ff82811682821603908111156105b0576105b0610a4b565b8181035f831280158383131683831282161715610afb57610afb610a4b565b5092915050565b5f600160ff1b8201610b1657610b16610a4b565b505f039056fea26469706673582212201d9bd0dbd349d403bc973963e1cfbf1cde5e10bca09c773f4c6ee0a42880df0964736f6c63430008250033",
}

// ZkmlThresholdOracle is an auto generated Go binding around an Ethereum contract.
type ZkmlThresholdOracle struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *ZkmlThresholdOracle) GetABI() abi.ABI {
	return c.abi
}

// NewZkmlThresholdOracle creates a new instance of ZkmlThresholdOracle.
func NewZkmlThresholdOracle() *ZkmlThresholdOracle {
	parsed, err := ZkmlThresholdOracleMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &ZkmlThresholdOracle{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *ZkmlThresholdOracle) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address registry_, bytes32 modelId_, uint256 outputIndex_, int256 threshold_, uint8 bitsPerOutput_, uint8 outputsPerWord_) returns()
func (zkmlThresholdOracle *ZkmlThresholdOracle) PackConstructor(registry_ common.Address, modelId_ [32]byte, outputIndex_ *big.Int, threshold_ *big.Int, bitsPerOutput_ uint8, outputsPerWord_ uint8) []byte {
	enc, err := zkmlThresholdOracle.abi.Pack("", registry_, modelId_, outputIndex_, threshold_, bitsPerOutput_, outputsPerWord_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackBitsPerOutput is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd016c2ae.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function bitsPerOutput() view returns(uint8)
func (zkmlThresholdOracle *ZkmlThresholdOracle) PackBitsPerOutput() []byte {
	enc, err := zkmlThresholdOracle.abi.Pack("bitsPerOutput")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBitsPerOutput is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd016c2ae.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function bitsPerOutput() view returns(uint8)
func (zkmlThresholdOracle *ZkmlThresholdOracle) TryPackBitsPerOutput() ([]byte, error) {
	return zkmlThresholdOracle.abi.Pack("bitsPerOutput")
}

// UnpackBitsPerOutput is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd016c2ae.
//
// Solidity: function bitsPerOutput() view returns(uint8)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackBitsPerOutput(data []byte) (uint8, error) {
	out, err := zkmlThresholdOracle.abi.Unpack("bitsPerOutput", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackLastSequence is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3bc684e9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lastSequence() view returns(uint32)
func (zkmlThresholdOracle *ZkmlThresholdOracle) PackLastSequence() []byte {
	enc, err := zkmlThresholdOracle.abi.Pack("lastSequence")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLastSequence is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3bc684e9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lastSequence() view returns(uint32)
func (zkmlThresholdOracle *ZkmlThresholdOracle) TryPackLastSequence() ([]byte, error) {
	return zkmlThresholdOracle.abi.Pack("lastSequence")
}

// UnpackLastSequence is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3bc684e9.
//
// Solidity: function lastSequence() view returns(uint32)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackLastSequence(data []byte) (uint32, error) {
	out, err := zkmlThresholdOracle.abi.Unpack("lastSequence", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackLastValue is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x43183834.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lastValue() view returns(int256)
func (zkmlThresholdOracle *ZkmlThresholdOracle) PackLastValue() []byte {
	enc, err := zkmlThresholdOracle.abi.Pack("lastValue")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLastValue is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x43183834.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lastValue() view returns(int256)
func (zkmlThresholdOracle *ZkmlThresholdOracle) TryPackLastValue() ([]byte, error) {
	return zkmlThresholdOracle.abi.Pack("lastValue")
}

// UnpackLastValue is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x43183834.
//
// Solidity: function lastValue() view returns(int256)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackLastValue(data []byte) (*big.Int, error) {
	out, err := zkmlThresholdOracle.abi.Unpack("lastValue", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackModelId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x43cdaad2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function modelId() view returns(bytes32)
func (zkmlThresholdOracle *ZkmlThresholdOracle) PackModelId() []byte {
	enc, err := zkmlThresholdOracle.abi.Pack("modelId")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackModelId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x43cdaad2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function modelId() view returns(bytes32)
func (zkmlThresholdOracle *ZkmlThresholdOracle) TryPackModelId() ([]byte, error) {
	return zkmlThresholdOracle.abi.Pack("modelId")
}

// UnpackModelId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x43cdaad2.
//
// Solidity: function modelId() view returns(bytes32)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackModelId(data []byte) ([32]byte, error) {
	out, err := zkmlThresholdOracle.abi.Unpack("modelId", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackOutputIndex is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x36c8c441.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function outputIndex() view returns(uint256)
func (zkmlThresholdOracle *ZkmlThresholdOracle) PackOutputIndex() []byte {
	enc, err := zkmlThresholdOracle.abi.Pack("outputIndex")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOutputIndex is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x36c8c441.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function outputIndex() view returns(uint256)
func (zkmlThresholdOracle *ZkmlThresholdOracle) TryPackOutputIndex() ([]byte, error) {
	return zkmlThresholdOracle.abi.Pack("outputIndex")
}

// UnpackOutputIndex is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x36c8c441.
//
// Solidity: function outputIndex() view returns(uint256)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackOutputIndex(data []byte) (*big.Int, error) {
	out, err := zkmlThresholdOracle.abi.Unpack("outputIndex", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackOutputsPerWord is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa94c2314.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function outputsPerWord() view returns(uint8)
func (zkmlThresholdOracle *ZkmlThresholdOracle) PackOutputsPerWord() []byte {
	enc, err := zkmlThresholdOracle.abi.Pack("outputsPerWord")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOutputsPerWord is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa94c2314.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function outputsPerWord() view returns(uint8)
func (zkmlThresholdOracle *ZkmlThresholdOracle) TryPackOutputsPerWord() ([]byte, error) {
	return zkmlThresholdOracle.abi.Pack("outputsPerWord")
}

// UnpackOutputsPerWord is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa94c2314.
//
// Solidity: function outputsPerWord() view returns(uint8)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackOutputsPerWord(data []byte) (uint8, error) {
	out, err := zkmlThresholdOracle.abi.Unpack("outputsPerWord", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b103999.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registry() view returns(address)
func (zkmlThresholdOracle *ZkmlThresholdOracle) PackRegistry() []byte {
	enc, err := zkmlThresholdOracle.abi.Pack("registry")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b103999.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registry() view returns(address)
func (zkmlThresholdOracle *ZkmlThresholdOracle) TryPackRegistry() ([]byte, error) {
	return zkmlThresholdOracle.abi.Pack("registry")
}

// UnpackRegistry is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7b103999.
//
// Solidity: function registry() view returns(address)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackRegistry(data []byte) (common.Address, error) {
	out, err := zkmlThresholdOracle.abi.Unpack("registry", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackSubmit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x44cd1021.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function submit(bytes proof, uint256[] outputs, bytes32 inputCommitment) returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) PackSubmit(proof []byte, outputs []*big.Int, inputCommitment [32]byte) []byte {
	enc, err := zkmlThresholdOracle.abi.Pack("submit", proof, outputs, inputCommitment)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubmit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x44cd1021.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function submit(bytes proof, uint256[] outputs, bytes32 inputCommitment) returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) TryPackSubmit(proof []byte, outputs []*big.Int, inputCommitment [32]byte) ([]byte, error) {
	return zkmlThresholdOracle.abi.Pack("submit", proof, outputs, inputCommitment)
}

// UnpackSubmit is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x44cd1021.
//
// Solidity: function submit(bytes proof, uint256[] outputs, bytes32 inputCommitment) returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackSubmit(data []byte) (bool, error) {
	out, err := zkmlThresholdOracle.abi.Unpack("submit", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackSync is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfff6cae9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function sync() returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) PackSync() []byte {
	enc, err := zkmlThresholdOracle.abi.Pack("sync")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSync is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfff6cae9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function sync() returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) TryPackSync() ([]byte, error) {
	return zkmlThresholdOracle.abi.Pack("sync")
}

// UnpackSync is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfff6cae9.
//
// Solidity: function sync() returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackSync(data []byte) (bool, error) {
	out, err := zkmlThresholdOracle.abi.Unpack("sync", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackThreshold is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42cde4e8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function threshold() view returns(int256)
func (zkmlThresholdOracle *ZkmlThresholdOracle) PackThreshold() []byte {
	enc, err := zkmlThresholdOracle.abi.Pack("threshold")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackThreshold is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42cde4e8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function threshold() view returns(int256)
func (zkmlThresholdOracle *ZkmlThresholdOracle) TryPackThreshold() ([]byte, error) {
	return zkmlThresholdOracle.abi.Pack("threshold")
}

// UnpackThreshold is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x42cde4e8.
//
// Solidity: function threshold() view returns(int256)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackThreshold(data []byte) (*big.Int, error) {
	out, err := zkmlThresholdOracle.abi.Unpack("threshold", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTriggered is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x741c8907.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function triggered() view returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) PackTriggered() []byte {
	enc, err := zkmlThresholdOracle.abi.Pack("triggered")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTriggered is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x741c8907.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function triggered() view returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) TryPackTriggered() ([]byte, error) {
	return zkmlThresholdOracle.abi.Pack("triggered")
}

// UnpackTriggered is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x741c8907.
//
// Solidity: function triggered() view returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackTriggered(data []byte) (bool, error) {
	out, err := zkmlThresholdOracle.abi.Unpack("triggered", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// ZkmlThresholdOracleObserved represents a Observed event raised by the ZkmlThresholdOracle contract.
type ZkmlThresholdOracleObserved struct {
	Sequence  uint32
	Value     *big.Int
	Triggered bool
	Raw       *types.Log // Blockchain specific contextual infos
}

const ZkmlThresholdOracleObservedEventName = "Observed"

// ContractEventName returns the user-defined event name.
func (ZkmlThresholdOracleObserved) ContractEventName() string {
	return ZkmlThresholdOracleObservedEventName
}

// UnpackObservedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Observed(uint32 indexed sequence, int256 value, bool triggered)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackObservedEvent(log *types.Log) (*ZkmlThresholdOracleObserved, error) {
	event := "Observed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != zkmlThresholdOracle.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ZkmlThresholdOracleObserved)
	if len(log.Data) > 0 {
		if err := zkmlThresholdOracle.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range zkmlThresholdOracle.abi.Events[event].Inputs {
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
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], zkmlThresholdOracle.abi.Errors["BadPacking"].ID.Bytes()[:4]) {
		return zkmlThresholdOracle.UnpackBadPackingError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlThresholdOracle.abi.Errors["NoNewResult"].ID.Bytes()[:4]) {
		return zkmlThresholdOracle.UnpackNoNewResultError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlThresholdOracle.abi.Errors["NotAFieldElement"].ID.Bytes()[:4]) {
		return zkmlThresholdOracle.UnpackNotAFieldElementError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlThresholdOracle.abi.Errors["OutputIndexOutOfRange"].ID.Bytes()[:4]) {
		return zkmlThresholdOracle.UnpackOutputIndexOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlThresholdOracle.abi.Errors["PackedIndexOutOfRange"].ID.Bytes()[:4]) {
		return zkmlThresholdOracle.UnpackPackedIndexOutOfRangeError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// ZkmlThresholdOracleBadPacking represents a BadPacking error raised by the ZkmlThresholdOracle contract.
type ZkmlThresholdOracleBadPacking struct {
	Bits    *big.Int
	PerWord *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadPacking(uint256 bits, uint256 perWord)
func ZkmlThresholdOracleBadPackingErrorID() common.Hash {
	return common.HexToHash("0x5195e72037548b59909c20a391986190cf54cb87e3aeb989a4cebbc5e320d3b0")
}

// UnpackBadPackingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadPacking(uint256 bits, uint256 perWord)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackBadPackingError(raw []byte) (*ZkmlThresholdOracleBadPacking, error) {
	out := new(ZkmlThresholdOracleBadPacking)
	if err := zkmlThresholdOracle.abi.UnpackIntoInterface(out, "BadPacking", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ZkmlThresholdOracleNoNewResult represents a NoNewResult error raised by the ZkmlThresholdOracle contract.
type ZkmlThresholdOracleNoNewResult struct {
	Sequence uint32
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoNewResult(uint32 sequence)
func ZkmlThresholdOracleNoNewResultErrorID() common.Hash {
	return common.HexToHash("0xb4039749c3d94042c411734535ee42cb129b6042bcd3867c90d15647c6e685f7")
}

// UnpackNoNewResultError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoNewResult(uint32 sequence)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackNoNewResultError(raw []byte) (*ZkmlThresholdOracleNoNewResult, error) {
	out := new(ZkmlThresholdOracleNoNewResult)
	if err := zkmlThresholdOracle.abi.UnpackIntoInterface(out, "NoNewResult", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ZkmlThresholdOracleNotAFieldElement represents a NotAFieldElement error raised by the ZkmlThresholdOracle contract.
type ZkmlThresholdOracleNotAFieldElement struct {
	Value *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotAFieldElement(uint256 value)
func ZkmlThresholdOracleNotAFieldElementErrorID() common.Hash {
	return common.HexToHash("0xbae9ec677b6c1acdc8a829afb566bd2968fc704af3bb0e9240ad855b5b683fe1")
}

// UnpackNotAFieldElementError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotAFieldElement(uint256 value)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackNotAFieldElementError(raw []byte) (*ZkmlThresholdOracleNotAFieldElement, error) {
	out := new(ZkmlThresholdOracleNotAFieldElement)
	if err := zkmlThresholdOracle.abi.UnpackIntoInterface(out, "NotAFieldElement", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ZkmlThresholdOracleOutputIndexOutOfRange represents a OutputIndexOutOfRange error raised by the ZkmlThresholdOracle contract.
type ZkmlThresholdOracleOutputIndexOutOfRange struct {
	Index   *big.Int
	Outputs *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OutputIndexOutOfRange(uint256 index, uint256 outputs)
func ZkmlThresholdOracleOutputIndexOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0xab553ef5c435b8af442dd09d45763a35346d4cd69372337c5817a018382fbd54")
}

// UnpackOutputIndexOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OutputIndexOutOfRange(uint256 index, uint256 outputs)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackOutputIndexOutOfRangeError(raw []byte) (*ZkmlThresholdOracleOutputIndexOutOfRange, error) {
	out := new(ZkmlThresholdOracleOutputIndexOutOfRange)
	if err := zkmlThresholdOracle.abi.UnpackIntoInterface(out, "OutputIndexOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ZkmlThresholdOraclePackedIndexOutOfRange represents a PackedIndexOutOfRange error raised by the ZkmlThresholdOracle contract.
type ZkmlThresholdOraclePackedIndexOutOfRange struct {
	Index   *big.Int
	Outputs *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PackedIndexOutOfRange(uint256 index, uint256 outputs)
func ZkmlThresholdOraclePackedIndexOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0xbd982860e6cdff9bd1f6df782159b9231837229c24df166a656c6e43a9e4ef79")
}

// UnpackPackedIndexOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PackedIndexOutOfRange(uint256 index, uint256 outputs)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackPackedIndexOutOfRangeError(raw []byte) (*ZkmlThresholdOraclePackedIndexOutOfRange, error) {
	out := new(ZkmlThresholdOraclePackedIndexOutOfRange)
	if err := zkmlThresholdOracle.abi.UnpackIntoInterface(out, "PackedIndexOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}
