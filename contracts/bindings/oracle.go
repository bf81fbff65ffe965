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
	ABI: "[{\"inputs\":[{\"internalType\":\"contractZkmlRegistry\",\"name\":\"registry_\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"modelId_\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"outputIndex_\",\"type\":\"uint256\"},{\"internalType\":\"int256\",\"name\":\"threshold_\",\"type\":\"int256\"},{\"internalType\":\"uint8\",\"name\":\"bitsPerOutput_\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"outputsPerWord_\",\"type\":\"uint8\"},{\"internalType\":\"bool\",\"name\":\"acceptDevelopmentSetup_\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"bits\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"perWord\",\"type\":\"uint256\"}],\"name\":\"BadPacking\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"}],\"name\":\"DevelopmentSetup\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"inputKey\",\"type\":\"bytes32\"},{\"internalType\":\"uint32\",\"name\":\"sequence\",\"type\":\"uint32\"}],\"name\":\"NoNewResult\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"NotAFieldElement\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"inputKey\",\"type\":\"bytes32\"}],\"name\":\"OutOfDomain\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"outputs\",\"type\":\"uint256\"}],\"name\":\"OutputIndexOutOfRange\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"outputs\",\"type\":\"uint256\"}],\"name\":\"PackedIndexOutOfRange\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"inputKey\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"sequence\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"int256\",\"name\":\"value\",\"type\":\"int256\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"triggered\",\"type\":\"bool\"}],\"name\":\"Observed\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"bitsPerOutput\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"developmentSetup\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"inputs\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"modelId\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"name\":\"observations\",\"outputs\":[{\"internalType\":\"int256\",\"name\":\"value\",\"type\":\"int256\"},{\"internalType\":\"uint32\",\"name\":\"sequence\",\"type\":\"uint32\"},{\"internalType\":\"bool\",\"name\":\"triggered\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"outputIndex\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"outputsPerWord\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registry\",\"outputs\":[{\"internalType\":\"contractZkmlRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"proof\",\"type\":\"bytes\"},{\"internalType\":\"uint256[]\",\"name\":\"publicInputs\",\"type\":\"uint256[]\"}],\"name\":\"submit\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"proof\",\"type\":\"bytes\"},{\"internalType\":\"uint256[]\",\"name\":\"publicInputs\",\"type\":\"uint256[]\"}],\"name\":\"submitInDomain\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"inputKey\",\"type\":\"bytes32\"}],\"name\":\"sync\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"inputKey\",\"type\":\"bytes32\"}],\"name\":\"syncInDomain\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"threshold\",\"outputs\":[{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "ZkmlThresholdOracle",
	Bin: "0x610180604052348015610010575f5ffd5b506040516113dd3803806113dd83398101604081905261002f9161027f565b5f5f5f896001600160a01b031663ee19e84b8a6040518263ffffffff1660e01b815260040161006091815260200190565b60a060405180830381865afa15801561007b573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061009f919061030a565b94509450945050505f8a6001600160a01b031663ade5a0eb6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156100e4573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610108919061036d565b60ff168260ff1614905080801561011d575084155b156101435760405163e923972360e01b8152600481018b90526024015b60405180910390fd5b5f61014e84866103a1565b63ffffffff16905060ff8816151580610169575060ff871615155b156101e25760ff881615806101815750603f8860ff16115b8061018d575060ff8716155b806101a7575060fd6101a560ff808a16908b166103c3565b115b156101d25760405163028caf3960e51b815260ff808a1660048301528816602482015260440161013a565b6101df60ff8816826103c3565b90505b808a1061020c5760405163ab553ef560e01b8152600481018b90526024810182905260440161013a565b506001600160a01b03909a166080525060a097909752505060c09390935260e09190915260ff90811661010052166101205263ffffffff16610140521515610160526103da565b6001600160a01b0381168114610267575f5ffd5b50565b805160ff8116811461027a575f5ffd5b919050565b5f5f5f5f5f5f5f60e0888a031215610295575f5ffd5b87516102a081610253565b809750506020880151955060408801519450606088015193506102c56080890161026a565b92506102d360a0890161026a565b915060c088015180151581146102e7575f5ffd5b8091505092959891949750929550565b805163ffffffff8116811461027a575f5ffd5b5f5f5f5f5f60a0868803121561031e575f5ffd5b855161032981610253565b94506103376020870161026a565b9350610345604087016102f7565b9250610353606087016102f7565b91506103616080870161026a565b90509295509295909350565b5f6020828403121561037d575f5ffd5b6103868261026a565b9392505050565b634e487b7160e01b5f52601160045260245ffd5b63ffffffff82811682821603908111156103bd576103bd61038d565b92915050565b80820281158282048414176103bd576103bd61038d565b60805160a05160c05160e05161010051610120516101405161016051610f396104a45f395f61027901525f81816101f60152818161063101526107a401525f818161021d015261083d01525f81816102a0015281816107d0015261081c01525f818161010e01526108c801525f818160d4015281816107fb015261086c01525f81816101350152818161030a015281816104290152818161059f01526106cc01525f818161015c015281816103450152818161046401528181610570015261069d0152610f395ff3fe608060405234801561000f575f5ffd5b50600436106100cb575f3560e01c8063a94c231411610088578063d016c2ae11610063578063d016c2ae1461029b578063d141b804146102c2578063eb67499f146102d5578063ff7f04b8146102e8575f5ffd5b8063a94c231414610218578063ae4b255114610251578063b0cad06514610274575f5ffd5b806336c8c441146100cf57806342cde4e81461010957806343cdaad2146101305780637b103999146101575780637e74709c146101965780638c7a91ed146101f1575b5f5ffd5b6100f67f000000000000000000000000000000000000000000000000000000000000000081565b6040519081526020015b60405180910390f35b6100f67f000000000000000000000000000000000000000000000000000000000000000081565b6100f67f000000000000000000000000000000000000000000000000000000000000000081565b61017e7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b039091168152602001610100565b6101cf6101a4366004610b40565b5f602081905290815260409020805460019091015463ffffffff811690640100000000900460ff1683565b6040805193845263ffffffff9092166020840152151590820152606001610100565b6100f67f000000000000000000000000000000000000000000000000000000000000000081565b61023f7f000000000000000000000000000000000000000000000000000000000000000081565b60405160ff9091168152602001610100565b61026461025f366004610b40565b6102fb565b6040519015158152602001610100565b6102647f000000000000000000000000000000000000000000000000000000000000000081565b61023f7f000000000000000000000000000000000000000000000000000000000000000081565b6102646102d0366004610b40565b61041a565b6102646102e3366004610b57565b61056b565b6102646102f6366004610b57565b610698565b60405163454e622960e11b81527f00000000000000000000000000000000000000000000000000000000000000006004820152602481018290525f90819081906001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001690638a9cc452906044015f60405180830381865afa158015610389573d5f5f3e3d5ffd5b505050506040513d5f823e601f3d908101601f191682016040526103b09190810190610c4b565b5f88815260208190526040902060010154919550935063ffffffff9081169085161191506104079050576040516338753b4160e11b81526004810185905263ffffffff831660248201526044015b60405180910390fd5b6104128483836107ca565b949350505050565b60405163454e622960e11b81527f00000000000000000000000000000000000000000000000000000000000000006004820152602481018290525f90819081906001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001690638a9cc452906044015f60405180830381865afa1580156104a8573d5f5f3e3d5ffd5b505050506040513d5f823e601f3d908101601f191682016040526104cf9190810190610c4b565b5f88815260208190526040902060010154919550935063ffffffff9081169085161191506105219050576040516338753b4160e11b81526004810185905263ffffffff831660248201526044016103fe565b80600182516105309190610d74565b8151811061054057610540610d87565b602002602001015160011461040757604051630287b68b60e21b8152600481018590526024016103fe565b5f5f5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316637f374daa7f0000000000000000000000000000000000000000000000000000000000000000898989896040518663ffffffff1660e01b81526004016105e2959493929190610d9b565b60408051808303815f875af11580156105fd573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906106219190610e04565b909250905061068d8282610657877f0000000000000000000000000000000000000000000000000000000000000000818b610e2e565b808060200260200160405190810160405280939291908181526020018383602002808284375f920191909152506107ca92505050565b979650505050505050565b5f5f5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316637f374daa7f0000000000000000000000000000000000000000000000000000000000000000898989896040518663ffffffff1660e01b815260040161070f959493929190610d9b565b60408051808303815f875af115801561072a573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061074e9190610e04565b90925090508484610760600182610d74565b81811061076f5761076f610d87565b9050602002013560011461079957604051630287b68b60e21b8152600481018390526024016103fe565b61068d8282610657877f0000000000000000000000000000000000000000000000000000000000000000818b610e2e565b5f8060ff7f0000000000000000000000000000000000000000000000000000000000000000161561086657610861837f00000000000000000000000000000000000000000000000000000000000000007f00000000000000000000000000000000000000000000000000000000000000007f0000000000000000000000000000000000000000000000000000000000000000610973565b6108a8565b6108a8837f00000000000000000000000000000000000000000000000000000000000000008151811061089b5761089b610d87565b6020026020010151610a8d565b604080516060808201835283825263ffffffff88811660208085018281527f00000000000000000000000000000000000000000000000000000000000000008812158688018181525f8f815280855289902097518855915160019097018054925115156401000000000264ffffffffff1990931697909516969096171790925584519081529081018590529283018290529293509187917f4ea2c070e9ce69a5bba401c56b1d117dee8a19d13779ec2ed19e722a8086ab51910160405180910390a295945050505050565b5f60ff831615806109875750603f8360ff16115b80610993575060ff8216155b806109ad575060fd6109ab60ff808516908616610e59565b115b156109d85760405163028caf3960e51b815260ff8085166004830152831660248201526044016103fe565b5f6109e660ff841686610e84565b905085518110610a2357848360ff168751610a019190610e59565b6040516305ecc14360e51b8152600481019290925260248201526044016103fe565b5f610a35600160ff871681901b610d74565b610a4260ff861688610e97565b610a4f9060ff8816610e59565b888481518110610a6157610a61610d87565b6020026020010151901c169050600185610a7b9190610eaa565b60ff166001901b8161068d9190610ec3565b5f7f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f00000018210610ad15760405163bae9ec6760e01b8152600481018390526024016103fe565b610afc60027f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001610e84565b821115610b3c57610b2d827f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001610d74565b610b3690610ee9565b92915050565b5090565b5f60208284031215610b50575f5ffd5b5035919050565b5f5f5f5f60408587031215610b6a575f5ffd5b843567ffffffffffffffff811115610b80575f5ffd5b8501601f81018713610b90575f5ffd5b803567ffffffffffffffff811115610ba6575f5ffd5b876020828401011115610bb7575f5ffd5b60209182019550935085013567ffffffffffffffff811115610bd7575f5ffd5b8501601f81018713610be7575f5ffd5b803567ffffffffffffffff811115610bfd575f5ffd5b8760208260051b8401011115610c11575f5ffd5b949793965060200194505050565b805163ffffffff81168114610c32575f5ffd5b919050565b634e487b7160e01b5f52604160045260245ffd5b5f5f5f5f60808587031215610c5e575f5ffd5b84516001600160a01b0381168114610c74575f5ffd5b602086015190945067ffffffffffffffff81168114610c91575f5ffd5b9250610c9f60408601610c1f565b9150606085015167ffffffffffffffff811115610cba575f5ffd5b8501601f81018713610cca575f5ffd5b805167ffffffffffffffff811115610ce457610ce4610c37565b8060051b604051601f19603f830116810181811067ffffffffffffffff82111715610d1157610d11610c37565b60405291825260208184018101929081018a841115610d2e575f5ffd5b6020850194505b83851015610d5157845180825260209586019590935001610d35565b50969995985093965050505050565b634e487b7160e01b5f52601160045260245ffd5b81810381811115610b3657610b36610d60565b634e487b7160e01b5f52603260045260245ffd5b85815260606020820152836060820152838560808301375f60808583018101829052601f19601f8701168301838103820160408501529081018490526001600160fb1b03841115610dea575f5ffd5b8360051b808660a08401370160a001979650505050505050565b5f5f60408385031215610e15575f5ffd5b82519150610e2560208401610c1f565b90509250929050565b5f5f85851115610e3c575f5ffd5b83861115610e48575f5ffd5b5050600583901b0193919092039150565b8082028115828204841417610b3657610b36610d60565b634e487b7160e01b5f52601260045260245ffd5b5f82610e9257610e92610e70565b500490565b5f82610ea557610ea5610e70565b500690565b60ff8281168282160390811115610b3657610b36610d60565b8181035f831280158383131683831282161715610ee257610ee2610d60565b5092915050565b5f600160ff1b8201610efd57610efd610d60565b505f039056fea264697066735822122042a40dbc83839fc51dff732422bd4137f1934158c4192ee10684ebbc82e8e8d264736f6c63430008250033",
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
// Solidity: constructor(address registry_, bytes32 modelId_, uint256 outputIndex_, int256 threshold_, uint8 bitsPerOutput_, uint8 outputsPerWord_, bool acceptDevelopmentSetup_) returns()
func (zkmlThresholdOracle *ZkmlThresholdOracle) PackConstructor(registry_ common.Address, modelId_ [32]byte, outputIndex_ *big.Int, threshold_ *big.Int, bitsPerOutput_ uint8, outputsPerWord_ uint8, acceptDevelopmentSetup_ bool) []byte {
	enc, err := zkmlThresholdOracle.abi.Pack("", registry_, modelId_, outputIndex_, threshold_, bitsPerOutput_, outputsPerWord_, acceptDevelopmentSetup_)
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

// PackDevelopmentSetup is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb0cad065.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function developmentSetup() view returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) PackDevelopmentSetup() []byte {
	enc, err := zkmlThresholdOracle.abi.Pack("developmentSetup")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDevelopmentSetup is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb0cad065.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function developmentSetup() view returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) TryPackDevelopmentSetup() ([]byte, error) {
	return zkmlThresholdOracle.abi.Pack("developmentSetup")
}

// UnpackDevelopmentSetup is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb0cad065.
//
// Solidity: function developmentSetup() view returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackDevelopmentSetup(data []byte) (bool, error) {
	out, err := zkmlThresholdOracle.abi.Unpack("developmentSetup", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackInputs is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8c7a91ed.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function inputs() view returns(uint256)
func (zkmlThresholdOracle *ZkmlThresholdOracle) PackInputs() []byte {
	enc, err := zkmlThresholdOracle.abi.Pack("inputs")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackInputs is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8c7a91ed.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function inputs() view returns(uint256)
func (zkmlThresholdOracle *ZkmlThresholdOracle) TryPackInputs() ([]byte, error) {
	return zkmlThresholdOracle.abi.Pack("inputs")
}

// UnpackInputs is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8c7a91ed.
//
// Solidity: function inputs() view returns(uint256)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackInputs(data []byte) (*big.Int, error) {
	out, err := zkmlThresholdOracle.abi.Unpack("inputs", data)
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

// PackObservations is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7e74709c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function observations(bytes32 ) view returns(int256 value, uint32 sequence, bool triggered)
func (zkmlThresholdOracle *ZkmlThresholdOracle) PackObservations(arg0 [32]byte) []byte {
	enc, err := zkmlThresholdOracle.abi.Pack("observations", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackObservations is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7e74709c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function observations(bytes32 ) view returns(int256 value, uint32 sequence, bool triggered)
func (zkmlThresholdOracle *ZkmlThresholdOracle) TryPackObservations(arg0 [32]byte) ([]byte, error) {
	return zkmlThresholdOracle.abi.Pack("observations", arg0)
}

// ObservationsOutput serves as a container for the return parameters of contract
// method Observations.
type ObservationsOutput struct {
	Value     *big.Int
	Sequence  uint32
	Triggered bool
}

// UnpackObservations is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7e74709c.
//
// Solidity: function observations(bytes32 ) view returns(int256 value, uint32 sequence, bool triggered)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackObservations(data []byte) (ObservationsOutput, error) {
	out, err := zkmlThresholdOracle.abi.Unpack("observations", data)
	outstruct := new(ObservationsOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Value = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Sequence = *abi.ConvertType(out[1], new(uint32)).(*uint32)
	outstruct.Triggered = *abi.ConvertType(out[2], new(bool)).(*bool)
	return *outstruct, nil
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
// the contract method with ID 0xeb67499f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function submit(bytes proof, uint256[] publicInputs) returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) PackSubmit(proof []byte, publicInputs []*big.Int) []byte {
	enc, err := zkmlThresholdOracle.abi.Pack("submit", proof, publicInputs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubmit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeb67499f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function submit(bytes proof, uint256[] publicInputs) returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) TryPackSubmit(proof []byte, publicInputs []*big.Int) ([]byte, error) {
	return zkmlThresholdOracle.abi.Pack("submit", proof, publicInputs)
}

// UnpackSubmit is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xeb67499f.
//
// Solidity: function submit(bytes proof, uint256[] publicInputs) returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackSubmit(data []byte) (bool, error) {
	out, err := zkmlThresholdOracle.abi.Unpack("submit", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackSubmitInDomain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xff7f04b8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function submitInDomain(bytes proof, uint256[] publicInputs) returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) PackSubmitInDomain(proof []byte, publicInputs []*big.Int) []byte {
	enc, err := zkmlThresholdOracle.abi.Pack("submitInDomain", proof, publicInputs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubmitInDomain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xff7f04b8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function submitInDomain(bytes proof, uint256[] publicInputs) returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) TryPackSubmitInDomain(proof []byte, publicInputs []*big.Int) ([]byte, error) {
	return zkmlThresholdOracle.abi.Pack("submitInDomain", proof, publicInputs)
}

// UnpackSubmitInDomain is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xff7f04b8.
//
// Solidity: function submitInDomain(bytes proof, uint256[] publicInputs) returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackSubmitInDomain(data []byte) (bool, error) {
	out, err := zkmlThresholdOracle.abi.Unpack("submitInDomain", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackSync is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xae4b2551.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function sync(bytes32 inputKey) returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) PackSync(inputKey [32]byte) []byte {
	enc, err := zkmlThresholdOracle.abi.Pack("sync", inputKey)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSync is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xae4b2551.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function sync(bytes32 inputKey) returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) TryPackSync(inputKey [32]byte) ([]byte, error) {
	return zkmlThresholdOracle.abi.Pack("sync", inputKey)
}

// UnpackSync is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xae4b2551.
//
// Solidity: function sync(bytes32 inputKey) returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackSync(data []byte) (bool, error) {
	out, err := zkmlThresholdOracle.abi.Unpack("sync", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackSyncInDomain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd141b804.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function syncInDomain(bytes32 inputKey) returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) PackSyncInDomain(inputKey [32]byte) []byte {
	enc, err := zkmlThresholdOracle.abi.Pack("syncInDomain", inputKey)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSyncInDomain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd141b804.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function syncInDomain(bytes32 inputKey) returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) TryPackSyncInDomain(inputKey [32]byte) ([]byte, error) {
	return zkmlThresholdOracle.abi.Pack("syncInDomain", inputKey)
}

// UnpackSyncInDomain is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd141b804.
//
// Solidity: function syncInDomain(bytes32 inputKey) returns(bool)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackSyncInDomain(data []byte) (bool, error) {
	out, err := zkmlThresholdOracle.abi.Unpack("syncInDomain", data)
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

// ZkmlThresholdOracleObserved represents a Observed event raised by the ZkmlThresholdOracle contract.
type ZkmlThresholdOracleObserved struct {
	InputKey  [32]byte
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
// Solidity: event Observed(bytes32 indexed inputKey, uint32 sequence, int256 value, bool triggered)
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
	if bytes.Equal(raw[:4], zkmlThresholdOracle.abi.Errors["DevelopmentSetup"].ID.Bytes()[:4]) {
		return zkmlThresholdOracle.UnpackDevelopmentSetupError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlThresholdOracle.abi.Errors["NoNewResult"].ID.Bytes()[:4]) {
		return zkmlThresholdOracle.UnpackNoNewResultError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlThresholdOracle.abi.Errors["NotAFieldElement"].ID.Bytes()[:4]) {
		return zkmlThresholdOracle.UnpackNotAFieldElementError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlThresholdOracle.abi.Errors["OutOfDomain"].ID.Bytes()[:4]) {
		return zkmlThresholdOracle.UnpackOutOfDomainError(raw[4:])
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

// ZkmlThresholdOracleDevelopmentSetup represents a DevelopmentSetup error raised by the ZkmlThresholdOracle contract.
type ZkmlThresholdOracleDevelopmentSetup struct {
	ModelId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DevelopmentSetup(bytes32 modelId)
func ZkmlThresholdOracleDevelopmentSetupErrorID() common.Hash {
	return common.HexToHash("0xe9239723dd5d6f1f8476db3b5825d442fcde155ed7ce35593a9d2bf9319c499c")
}

// UnpackDevelopmentSetupError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DevelopmentSetup(bytes32 modelId)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackDevelopmentSetupError(raw []byte) (*ZkmlThresholdOracleDevelopmentSetup, error) {
	out := new(ZkmlThresholdOracleDevelopmentSetup)
	if err := zkmlThresholdOracle.abi.UnpackIntoInterface(out, "DevelopmentSetup", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ZkmlThresholdOracleNoNewResult represents a NoNewResult error raised by the ZkmlThresholdOracle contract.
type ZkmlThresholdOracleNoNewResult struct {
	InputKey [32]byte
	Sequence uint32
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoNewResult(bytes32 inputKey, uint32 sequence)
func ZkmlThresholdOracleNoNewResultErrorID() common.Hash {
	return common.HexToHash("0x70ea7682499651d194d0c0748d6cda1f45371032cab2c2e9041dbb7de7e4ce05")
}

// UnpackNoNewResultError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoNewResult(bytes32 inputKey, uint32 sequence)
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

// ZkmlThresholdOracleOutOfDomain represents a OutOfDomain error raised by the ZkmlThresholdOracle contract.
type ZkmlThresholdOracleOutOfDomain struct {
	InputKey [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OutOfDomain(bytes32 inputKey)
func ZkmlThresholdOracleOutOfDomainErrorID() common.Hash {
	return common.HexToHash("0x0a1eda2cf8036d39199d3da04543f6ea7f0a1432f3134c351a4fbd2163183855")
}

// UnpackOutOfDomainError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OutOfDomain(bytes32 inputKey)
func (zkmlThresholdOracle *ZkmlThresholdOracle) UnpackOutOfDomainError(raw []byte) (*ZkmlThresholdOracleOutOfDomain, error) {
	out := new(ZkmlThresholdOracleOutOfDomain)
	if err := zkmlThresholdOracle.abi.UnpackIntoInterface(out, "OutOfDomain", raw); err != nil {
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
