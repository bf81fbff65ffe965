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
	ABI: "[{\"inputs\":[{\"internalType\":\"contractZkmlRegistry\",\"name\":\"registry_\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"modelId_\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"outputIndex_\",\"type\":\"uint256\"},{\"internalType\":\"int256\",\"name\":\"threshold_\",\"type\":\"int256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint32\",\"name\":\"sequence\",\"type\":\"uint32\"}],\"name\":\"NoNewResult\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"NotAFieldElement\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"outputs\",\"type\":\"uint256\"}],\"name\":\"OutputIndexOutOfRange\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint32\",\"name\":\"sequence\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"int256\",\"name\":\"value\",\"type\":\"int256\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"triggered\",\"type\":\"bool\"}],\"name\":\"Observed\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"lastSequence\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastValue\",\"outputs\":[{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"modelId\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"outputIndex\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registry\",\"outputs\":[{\"internalType\":\"contractZkmlRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"proof\",\"type\":\"bytes\"},{\"internalType\":\"uint256[]\",\"name\":\"outputs\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes32\",\"name\":\"inputCommitment\",\"type\":\"bytes32\"}],\"name\":\"submit\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"sync\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"threshold\",\"outputs\":[{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"triggered\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "ZkmlThresholdOracle",
	Bin: "0x610100604052348015610010575f5ffd5b50604051610ace380380610ace83398101604081905261002f9161010c565b60405163ee19e84b60e01b8152600481018490525f906001600160a01b0386169063ee19e84b90602401606060405180830381865afa158015610074573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906100989190610148565b925050508063ffffffff1683106100d55760405163ab553ef560e01b81526004810184905263ffffffff8216602482015260440160405180910390fd5b506001600160a01b0390931660805260a09190915260c05260e05261019f565b6001600160a01b0381168114610109575f5ffd5b50565b5f5f5f5f6080858703121561011f575f5ffd5b845161012a816100f5565b60208601516040870151606090970151919890975090945092505050565b5f5f5f6060848603121561015a575f5ffd5b8351610165816100f5565b602085015190935060ff8116811461017b575f5ffd5b604085015190925063ffffffff81168114610194575f5ffd5b809150509250925092565b60805160a05160c05160e0516108cd6102015f395f818160f8015261043201525f818160990152818161028a01526103c701525f8181610127015281816101fb01526102de01525f8181610186015281816101cc015261031201526108cd5ff3fe608060405234801561000f575f5ffd5b5060043610610090575f3560e01c806343cdaad21161006357806343cdaad21461012257806344cd102114610149578063741c89071461016c5780637b10399914610181578063fff6cae9146101c0575f5ffd5b806336c8c441146100945780633bc684e9146100ce57806342cde4e8146100f3578063431838341461011a575b5f5ffd5b6100bb7f000000000000000000000000000000000000000000000000000000000000000081565b6040519081526020015b60405180910390f35b6001546100de9063ffffffff1681565b60405163ffffffff90911681526020016100c5565b6100bb7f000000000000000000000000000000000000000000000000000000000000000081565b6100bb5f5481565b6100bb7f000000000000000000000000000000000000000000000000000000000000000081565b61015c6101573660046105a2565b6101c8565b60405190151581526020016100c5565b60015461015c90640100000000900460ff1681565b6101a87f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020016100c5565b61015c6102cf565b5f5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031663ef4c990e7f000000000000000000000000000000000000000000000000000000000000000089898989896040518763ffffffff1660e01b815260040161024096959493929190610641565b6020604051808303815f875af115801561025c573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061028091906106cb565b90506102c48186867f00000000000000000000000000000000000000000000000000000000000000008181106102b8576102b86106eb565b9050602002013561040a565b979650505050505050565b60405163b5c9da1560e01b81527f000000000000000000000000000000000000000000000000000000000000000060048201525f90819081906001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000169063b5c9da15906024015f60405180830381865afa158015610356573d5f5f3e3d5ffd5b505050506040513d5f823e601f3d908101601f1916820160405261037d9190810190610713565b600154919650945063ffffffff9081169086161192506103c09150505760405163b403974960e01b815263ffffffff831660048201526024015b60405180910390fd5b61040382827f0000000000000000000000000000000000000000000000000000000000000000815181106103f6576103f66106eb565b602002602001015161040a565b9250505090565b5f5f610415836104ad565b5f8190556001805463ffffffff871664ffffffffff1990911681177f00000000000000000000000000000000000000000000000000000000000000008412156401000000008102919091179092556040805184815260208101849052939450919290917f30c7989ef2ff6add40182953404ac2b9d51a5cfa1d5587ea16c13d6cc4d678f2910160405180910390a29150505b92915050565b5f7f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f000000182106104f15760405163bae9ec6760e01b8152600481018390526024016103b7565b61051c60027f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f000000161084b565b8211156105565761054d827f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f000000161086a565b6104a79061087d565b5090565b5f5f83601f84011261056a575f5ffd5b50813567ffffffffffffffff811115610581575f5ffd5b6020830191508360208260051b850101111561059b575f5ffd5b9250929050565b5f5f5f5f5f606086880312156105b6575f5ffd5b853567ffffffffffffffff8111156105cc575f5ffd5b8601601f810188136105dc575f5ffd5b803567ffffffffffffffff8111156105f2575f5ffd5b886020828401011115610603575f5ffd5b60209182019650945086013567ffffffffffffffff811115610623575f5ffd5b61062f8882890161055a565b96999598509660400135949350505050565b86815260806020820152846080820152848660a08301375f60a08683018101829052601f19601f8801168301838103820160408501529081018590526001600160fb1b03851115610690575f5ffd5b8460051b808760c084013760609390930193909352500160c00195945050505050565b805163ffffffff811681146106c6575f5ffd5b919050565b5f602082840312156106db575f5ffd5b6106e4826106b3565b9392505050565b634e487b7160e01b5f52603260045260245ffd5b634e487b7160e01b5f52604160045260245ffd5b5f5f5f5f5f60a08688031215610727575f5ffd5b855160208701519095506001600160a01b0381168114610745575f5ffd5b604087015190945067ffffffffffffffff81168114610762575f5ffd5b9250610770606087016106b3565b9150608086015167ffffffffffffffff81111561078b575f5ffd5b86015f601f8201891361079c575f5ffd5b815167ffffffffffffffff8111156107b6576107b66106ff565b8060051b604051601f19603f830116810181811067ffffffffffffffff821117156107e3576107e36106ff565b60405291825260208185018101929081018c841115610800575f5ffd5b6020860195505b8386101561082357855180825260209687019690935001610807565b50989b979a50959850939695945050505050565b634e487b7160e01b5f52601160045260245ffd5b5f8261086557634e487b7160e01b5f52601260045260245ffd5b500490565b818103818111156104a7576104a7610837565b5f600160ff1b820161089157610891610837565b505f039056fea2646970667358221220dead5ab81d7271ca10b56c081835420d2972c16f4f70b0631b6329e0c724f6b464736f6c63430008250033",
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
// Solidity: constructor(address registry_, bytes32 modelId_, uint256 outputIndex_, int256 threshold_) returns()
func (zkmlThresholdOracle *ZkmlThresholdOracle) PackConstructor(registry_ common.Address, modelId_ [32]byte, outputIndex_ *big.Int, threshold_ *big.Int) []byte {
	enc, err := zkmlThresholdOracle.abi.Pack("", registry_, modelId_, outputIndex_, threshold_)
	if err != nil {
		panic(err)
	}
	return enc
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
	if bytes.Equal(raw[:4], zkmlThresholdOracle.abi.Errors["NoNewResult"].ID.Bytes()[:4]) {
		return zkmlThresholdOracle.UnpackNoNewResultError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlThresholdOracle.abi.Errors["NotAFieldElement"].ID.Bytes()[:4]) {
		return zkmlThresholdOracle.UnpackNotAFieldElementError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlThresholdOracle.abi.Errors["OutputIndexOutOfRange"].ID.Bytes()[:4]) {
		return zkmlThresholdOracle.UnpackOutputIndexOutOfRangeError(raw[4:])
	}
	return nil, errors.New("Unknown error")
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
