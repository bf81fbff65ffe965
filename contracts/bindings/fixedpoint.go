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

// ZkmlFixedPointHarnessMetaData contains all meta data concerning the ZkmlFixedPointHarness contract.
var ZkmlFixedPointHarnessMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"bits\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"perWord\",\"type\":\"uint256\"}],\"name\":\"BadPacking\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"NotAFieldElement\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"outputs\",\"type\":\"uint256\"}],\"name\":\"PackedIndexOutOfRange\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256[]\",\"name\":\"outputs\",\"type\":\"uint256[]\"},{\"internalType\":\"uint256\",\"name\":\"from\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"to\",\"type\":\"uint256\"}],\"name\":\"argmax\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256[]\",\"name\":\"words\",\"type\":\"uint256[]\"},{\"internalType\":\"uint256\",\"name\":\"from\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"to\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"bits\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"perWord\",\"type\":\"uint8\"}],\"name\":\"argmaxPacked\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"x\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"scale\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"decimals\",\"type\":\"uint8\"}],\"name\":\"toScaled\",\"outputs\":[{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"x\",\"type\":\"uint256\"}],\"name\":\"toSigned\",\"outputs\":[{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256[]\",\"name\":\"words\",\"type\":\"uint256[]\"},{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"bits\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"perWord\",\"type\":\"uint8\"}],\"name\":\"unpack\",\"outputs\":[{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256[]\",\"name\":\"words\",\"type\":\"uint256[]\"},{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"bits\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"perWord\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"scale\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"decimals\",\"type\":\"uint8\"}],\"name\":\"unpackScaled\",\"outputs\":[{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"}]",
	ID:  "ZkmlFixedPointHarness",
	Bin: "0x6080604052348015600e575f5ffd5b50610a658061001c5f395ff3fe608060405234801561000f575f5ffd5b5060043610610060575f3560e01c806301980ac8146100645780631aed163214610091578063376a4555146100a4578063725e395a146100c557806395a745b1146100d8578063cd4daaa8146100eb575b5f5ffd5b6100776100723660046105ec565b6100fe565b604080519283526020830191909152015b60405180910390f35b61007761009f36600461064b565b610118565b6100b76100b23660046106b8565b610135565b604051908152602001610088565b6100b76100d33660046106f1565b610149565b6100b76100e6366004610755565b61015f565b6100b76100f93660046107d8565b610179565b5f5f61010b858585610189565b915091505b935093915050565b5f5f6101278787878787610278565b915091509550959350505050565b5f610141848484610324565b949350505050565b5f61015685858585610338565b95945050505050565b5f61016e878787878787610452565b979650505050505050565b5f61018382610462565b92915050565b5f5f828410801561019b575084518311155b6102005760405162461bcd60e51b815260206004820152602b60248201527f5a6b6d6c4669786564506f696e743a20656d707479206f72206f75742d6f662d60448201526a72616e676520736c69636560a81b60648201526084015b60405180910390fd5b839150610225858581518110610218576102186107ef565b6020026020010151610462565b90505f610233856001610817565b90505b8381101561026f575f610254878381518110610218576102186107ef565b90508281131561026657909250905081815b50600101610236565b50935093915050565b5f5f8486106102c95760405162461bcd60e51b815260206004820152601b60248201527f5a6b6d6c4669786564506f696e743a20656d70747920736c696365000000000060448201526064016101f7565b8591506102d887878686610338565b90505f6102e6876001610817565b90505b85811015610319575f6102fe89838888610338565b90508281131561031057909250905081815b506001016102e9565b509550959350505050565b5f61014161033185610462565b848461050f565b5f60ff8316158061034c5750603f8360ff16115b80610358575060ff8216155b80610372575060fd61037060ff80851690861661082a565b115b1561039d5760405163028caf3960e51b815260ff8085166004830152831660248201526044016101f7565b5f6103ab60ff841686610855565b9050855181106103e857848360ff1687516103c6919061082a565b6040516305ecc14360e51b8152600481019290925260248201526044016101f7565b5f6103fa600160ff871681901b610868565b61040760ff86168861087b565b6104149060ff881661082a565b888481518110610426576104266107ef565b6020026020010151901c169050600185610440919061088e565b60ff166001901b8161016e91906108a7565b5f61016e61033188888888610338565b5f7f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f000000182106104a65760405163bae9ec6760e01b8152600481018390526024016101f7565b6104d160027f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001610855565b82111561050b57610502827f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001610868565b610183906108cd565b5090565b5f8260ff166001901b8260ff16600a61052891906109c2565b61053290866109d4565b6101419190610a03565b634e487b7160e01b5f52604160045260245ffd5b5f82601f83011261055f575f5ffd5b813567ffffffffffffffff8111156105795761057961053c565b8060051b604051601f19603f830116810181811067ffffffffffffffff821117156105a6576105a661053c565b6040529182526020818501810192908101868411156105c3575f5ffd5b6020860192505b838310156105e25782358152602092830192016105ca565b5095945050505050565b5f5f5f606084860312156105fe575f5ffd5b833567ffffffffffffffff811115610614575f5ffd5b61062086828701610550565b9660208601359650604090950135949350505050565b803560ff81168114610646575f5ffd5b919050565b5f5f5f5f5f60a0868803121561065f575f5ffd5b853567ffffffffffffffff811115610675575f5ffd5b61068188828901610550565b955050602086013593506040860135925061069e60608701610636565b91506106ac60808701610636565b90509295509295909350565b5f5f5f606084860312156106ca575f5ffd5b833592506106da60208501610636565b91506106e860408501610636565b90509250925092565b5f5f5f5f60808587031215610704575f5ffd5b843567ffffffffffffffff81111561071a575f5ffd5b61072687828801610550565b9450506020850135925061073c60408601610636565b915061074a60608601610636565b905092959194509250565b5f5f5f5f5f5f60c0878903121561076a575f5ffd5b863567ffffffffffffffff811115610780575f5ffd5b61078c89828a01610550565b965050602087013594506107a260408801610636565b93506107b060608801610636565b92506107be60808801610636565b91506107cc60a08801610636565b90509295509295509295565b5f602082840312156107e8575f5ffd5b5035919050565b634e487b7160e01b5f52603260045260245ffd5b634e487b7160e01b5f52601160045260245ffd5b8082018082111561018357610183610803565b808202811582820484141761018357610183610803565b634e487b7160e01b5f52601260045260245ffd5b5f8261086357610863610841565b500490565b8181038181111561018357610183610803565b5f8261088957610889610841565b500690565b60ff828116828216039081111561018357610183610803565b8181035f8312801583831316838312821617156108c6576108c6610803565b5092915050565b5f600160ff1b82016108e1576108e1610803565b505f0390565b6001815b60018411156101105780850481111561090657610906610803565b600184161561091457908102905b60019390931c9280026108eb565b5f8261093057506001610183565b8161093c57505f610183565b8160018114610952576002811461095c57610978565b6001915050610183565b60ff84111561096d5761096d610803565b50506001821b610183565b5060208310610133831016604e8410600b841016171561099b575081810a610183565b6109a75f1984846108e7565b805f19048211156109ba576109ba610803565b029392505050565b5f6109cd8383610922565b9392505050565b8082025f8212600160ff1b841416156109ef576109ef610803565b818105831482151761018357610183610803565b5f82610a1157610a11610841565b600160ff1b82145f1984141615610a2a57610a2a610803565b50059056fea2646970667358221220e28a77d41425bb90b65ae5bdaa0da5594199676f9130191adf83b69ec320437664736f6c63430008250033",
}

// ZkmlFixedPointHarness is an auto generated Go binding around an Ethereum contract.
type ZkmlFixedPointHarness struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *ZkmlFixedPointHarness) GetABI() abi.ABI {
	return c.abi
}

// NewZkmlFixedPointHarness creates a new instance of ZkmlFixedPointHarness.
func NewZkmlFixedPointHarness() *ZkmlFixedPointHarness {
	parsed, err := ZkmlFixedPointHarnessMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &ZkmlFixedPointHarness{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *ZkmlFixedPointHarness) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackArgmax is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01980ac8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function argmax(uint256[] outputs, uint256 from, uint256 to) pure returns(uint256, int256)
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) PackArgmax(outputs []*big.Int, from *big.Int, to *big.Int) []byte {
	enc, err := zkmlFixedPointHarness.abi.Pack("argmax", outputs, from, to)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackArgmax is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01980ac8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function argmax(uint256[] outputs, uint256 from, uint256 to) pure returns(uint256, int256)
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) TryPackArgmax(outputs []*big.Int, from *big.Int, to *big.Int) ([]byte, error) {
	return zkmlFixedPointHarness.abi.Pack("argmax", outputs, from, to)
}

// ArgmaxOutput serves as a container for the return parameters of contract
// method Argmax.
type ArgmaxOutput struct {
	Arg0 *big.Int
	Arg1 *big.Int
}

// UnpackArgmax is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x01980ac8.
//
// Solidity: function argmax(uint256[] outputs, uint256 from, uint256 to) pure returns(uint256, int256)
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) UnpackArgmax(data []byte) (ArgmaxOutput, error) {
	out, err := zkmlFixedPointHarness.abi.Unpack("argmax", data)
	outstruct := new(ArgmaxOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Arg0 = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Arg1 = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackArgmaxPacked is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1aed1632.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function argmaxPacked(uint256[] words, uint256 from, uint256 to, uint8 bits, uint8 perWord) pure returns(uint256, int256)
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) PackArgmaxPacked(words []*big.Int, from *big.Int, to *big.Int, bits uint8, perWord uint8) []byte {
	enc, err := zkmlFixedPointHarness.abi.Pack("argmaxPacked", words, from, to, bits, perWord)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackArgmaxPacked is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1aed1632.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function argmaxPacked(uint256[] words, uint256 from, uint256 to, uint8 bits, uint8 perWord) pure returns(uint256, int256)
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) TryPackArgmaxPacked(words []*big.Int, from *big.Int, to *big.Int, bits uint8, perWord uint8) ([]byte, error) {
	return zkmlFixedPointHarness.abi.Pack("argmaxPacked", words, from, to, bits, perWord)
}

// ArgmaxPackedOutput serves as a container for the return parameters of contract
// method ArgmaxPacked.
type ArgmaxPackedOutput struct {
	Arg0 *big.Int
	Arg1 *big.Int
}

// UnpackArgmaxPacked is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1aed1632.
//
// Solidity: function argmaxPacked(uint256[] words, uint256 from, uint256 to, uint8 bits, uint8 perWord) pure returns(uint256, int256)
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) UnpackArgmaxPacked(data []byte) (ArgmaxPackedOutput, error) {
	out, err := zkmlFixedPointHarness.abi.Unpack("argmaxPacked", data)
	outstruct := new(ArgmaxPackedOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Arg0 = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Arg1 = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackToScaled is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x376a4555.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function toScaled(uint256 x, uint8 scale, uint8 decimals) pure returns(int256)
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) PackToScaled(x *big.Int, scale uint8, decimals uint8) []byte {
	enc, err := zkmlFixedPointHarness.abi.Pack("toScaled", x, scale, decimals)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackToScaled is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x376a4555.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function toScaled(uint256 x, uint8 scale, uint8 decimals) pure returns(int256)
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) TryPackToScaled(x *big.Int, scale uint8, decimals uint8) ([]byte, error) {
	return zkmlFixedPointHarness.abi.Pack("toScaled", x, scale, decimals)
}

// UnpackToScaled is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x376a4555.
//
// Solidity: function toScaled(uint256 x, uint8 scale, uint8 decimals) pure returns(int256)
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) UnpackToScaled(data []byte) (*big.Int, error) {
	out, err := zkmlFixedPointHarness.abi.Unpack("toScaled", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackToSigned is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcd4daaa8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function toSigned(uint256 x) pure returns(int256)
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) PackToSigned(x *big.Int) []byte {
	enc, err := zkmlFixedPointHarness.abi.Pack("toSigned", x)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackToSigned is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcd4daaa8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function toSigned(uint256 x) pure returns(int256)
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) TryPackToSigned(x *big.Int) ([]byte, error) {
	return zkmlFixedPointHarness.abi.Pack("toSigned", x)
}

// UnpackToSigned is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xcd4daaa8.
//
// Solidity: function toSigned(uint256 x) pure returns(int256)
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) UnpackToSigned(data []byte) (*big.Int, error) {
	out, err := zkmlFixedPointHarness.abi.Unpack("toSigned", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackUnpack is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x725e395a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unpack(uint256[] words, uint256 index, uint8 bits, uint8 perWord) pure returns(int256)
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) PackUnpack(words []*big.Int, index *big.Int, bits uint8, perWord uint8) []byte {
	enc, err := zkmlFixedPointHarness.abi.Pack("unpack", words, index, bits, perWord)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnpack is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x725e395a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unpack(uint256[] words, uint256 index, uint8 bits, uint8 perWord) pure returns(int256)
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) TryPackUnpack(words []*big.Int, index *big.Int, bits uint8, perWord uint8) ([]byte, error) {
	return zkmlFixedPointHarness.abi.Pack("unpack", words, index, bits, perWord)
}

// UnpackUnpack is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x725e395a.
//
// Solidity: function unpack(uint256[] words, uint256 index, uint8 bits, uint8 perWord) pure returns(int256)
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) UnpackUnpack(data []byte) (*big.Int, error) {
	out, err := zkmlFixedPointHarness.abi.Unpack("unpack", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackUnpackScaled is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95a745b1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unpackScaled(uint256[] words, uint256 index, uint8 bits, uint8 perWord, uint8 scale, uint8 decimals) pure returns(int256)
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) PackUnpackScaled(words []*big.Int, index *big.Int, bits uint8, perWord uint8, scale uint8, decimals uint8) []byte {
	enc, err := zkmlFixedPointHarness.abi.Pack("unpackScaled", words, index, bits, perWord, scale, decimals)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnpackScaled is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95a745b1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unpackScaled(uint256[] words, uint256 index, uint8 bits, uint8 perWord, uint8 scale, uint8 decimals) pure returns(int256)
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) TryPackUnpackScaled(words []*big.Int, index *big.Int, bits uint8, perWord uint8, scale uint8, decimals uint8) ([]byte, error) {
	return zkmlFixedPointHarness.abi.Pack("unpackScaled", words, index, bits, perWord, scale, decimals)
}

// UnpackUnpackScaled is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95a745b1.
//
// Solidity: function unpackScaled(uint256[] words, uint256 index, uint8 bits, uint8 perWord, uint8 scale, uint8 decimals) pure returns(int256)
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) UnpackUnpackScaled(data []byte) (*big.Int, error) {
	out, err := zkmlFixedPointHarness.abi.Unpack("unpackScaled", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], zkmlFixedPointHarness.abi.Errors["BadPacking"].ID.Bytes()[:4]) {
		return zkmlFixedPointHarness.UnpackBadPackingError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlFixedPointHarness.abi.Errors["NotAFieldElement"].ID.Bytes()[:4]) {
		return zkmlFixedPointHarness.UnpackNotAFieldElementError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlFixedPointHarness.abi.Errors["PackedIndexOutOfRange"].ID.Bytes()[:4]) {
		return zkmlFixedPointHarness.UnpackPackedIndexOutOfRangeError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// ZkmlFixedPointHarnessBadPacking represents a BadPacking error raised by the ZkmlFixedPointHarness contract.
type ZkmlFixedPointHarnessBadPacking struct {
	Bits    *big.Int
	PerWord *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadPacking(uint256 bits, uint256 perWord)
func ZkmlFixedPointHarnessBadPackingErrorID() common.Hash {
	return common.HexToHash("0x5195e72037548b59909c20a391986190cf54cb87e3aeb989a4cebbc5e320d3b0")
}

// UnpackBadPackingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadPacking(uint256 bits, uint256 perWord)
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) UnpackBadPackingError(raw []byte) (*ZkmlFixedPointHarnessBadPacking, error) {
	out := new(ZkmlFixedPointHarnessBadPacking)
	if err := zkmlFixedPointHarness.abi.UnpackIntoInterface(out, "BadPacking", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ZkmlFixedPointHarnessNotAFieldElement represents a NotAFieldElement error raised by the ZkmlFixedPointHarness contract.
type ZkmlFixedPointHarnessNotAFieldElement struct {
	Value *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotAFieldElement(uint256 value)
func ZkmlFixedPointHarnessNotAFieldElementErrorID() common.Hash {
	return common.HexToHash("0xbae9ec677b6c1acdc8a829afb566bd2968fc704af3bb0e9240ad855b5b683fe1")
}

// UnpackNotAFieldElementError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotAFieldElement(uint256 value)
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) UnpackNotAFieldElementError(raw []byte) (*ZkmlFixedPointHarnessNotAFieldElement, error) {
	out := new(ZkmlFixedPointHarnessNotAFieldElement)
	if err := zkmlFixedPointHarness.abi.UnpackIntoInterface(out, "NotAFieldElement", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ZkmlFixedPointHarnessPackedIndexOutOfRange represents a PackedIndexOutOfRange error raised by the ZkmlFixedPointHarness contract.
type ZkmlFixedPointHarnessPackedIndexOutOfRange struct {
	Index   *big.Int
	Outputs *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PackedIndexOutOfRange(uint256 index, uint256 outputs)
func ZkmlFixedPointHarnessPackedIndexOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0xbd982860e6cdff9bd1f6df782159b9231837229c24df166a656c6e43a9e4ef79")
}

// UnpackPackedIndexOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PackedIndexOutOfRange(uint256 index, uint256 outputs)
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) UnpackPackedIndexOutOfRangeError(raw []byte) (*ZkmlFixedPointHarnessPackedIndexOutOfRange, error) {
	out := new(ZkmlFixedPointHarnessPackedIndexOutOfRange)
	if err := zkmlFixedPointHarness.abi.UnpackIntoInterface(out, "PackedIndexOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}
