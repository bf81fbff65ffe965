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
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"NotAFieldElement\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256[]\",\"name\":\"outputs\",\"type\":\"uint256[]\"},{\"internalType\":\"uint256\",\"name\":\"from\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"to\",\"type\":\"uint256\"}],\"name\":\"argmax\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"x\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"scale\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"decimals\",\"type\":\"uint8\"}],\"name\":\"toScaled\",\"outputs\":[{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"x\",\"type\":\"uint256\"}],\"name\":\"toSigned\",\"outputs\":[{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"}]",
	ID:  "ZkmlFixedPointHarness",
	Bin: "0x6080604052348015600e575f5ffd5b506106128061001c5f395ff3fe608060405234801561000f575f5ffd5b506004361061003f575f3560e01c806301980ac814610043578063376a455514610070578063cd4daaa814610091575b5f5ffd5b6100566100513660046102c8565b6100a4565b604080519283526020830191909152015b60405180910390f35b61008361007e3660046103b5565b6100be565b604051908152602001610067565b61008361009f3660046103ee565b6100d2565b5f5f6100b18585856100e2565b915091505b935093915050565b5f6100ca8484846101d1565b949350505050565b5f6100dc82610207565b92915050565b5f5f82841080156100f4575084518311155b6101595760405162461bcd60e51b815260206004820152602b60248201527f5a6b6d6c4669786564506f696e743a20656d707479206f72206f75742d6f662d60448201526a72616e676520736c69636560a81b60648201526084015b60405180910390fd5b83915061017e85858151811061017157610171610405565b6020026020010151610207565b90505f61018c85600161042d565b90505b838110156101c8575f6101ad87838151811061017157610171610405565b9050828113156101bf57909250905081815b5060010161018f565b50935093915050565b5f8260ff166001901b8260ff16600a6101ea919061051b565b6101f386610207565b6101fd919061052d565b6100ca9190610570565b5f7f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001821061024b5760405163bae9ec6760e01b815260048101839052602401610150565b61027660027f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f000000161059c565b8211156102b0576102a7827f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f00000016105af565b6100dc906105c2565b5090565b634e487b7160e01b5f52604160045260245ffd5b5f5f5f606084860312156102da575f5ffd5b833567ffffffffffffffff8111156102f0575f5ffd5b8401601f81018613610300575f5ffd5b803567ffffffffffffffff81111561031a5761031a6102b4565b8060051b604051601f19603f830116810181811067ffffffffffffffff82111715610347576103476102b4565b604052918252602081840181019290810189841115610364575f5ffd5b6020850194505b838510156103875784358082526020958601959093500161036b565b5098602088013598506040909701359695505050505050565b803560ff811681146103b0575f5ffd5b919050565b5f5f5f606084860312156103c7575f5ffd5b833592506103d7602085016103a0565b91506103e5604085016103a0565b90509250925092565b5f602082840312156103fe575f5ffd5b5035919050565b634e487b7160e01b5f52603260045260245ffd5b634e487b7160e01b5f52601160045260245ffd5b808201808211156100dc576100dc610419565b6001815b60018411156100b65780850481111561045f5761045f610419565b600184161561046d57908102905b60019390931c928002610444565b5f82610489575060016100dc565b8161049557505f6100dc565b81600181146104ab57600281146104b5576104d1565b60019150506100dc565b60ff8411156104c6576104c6610419565b50506001821b6100dc565b5060208310610133831016604e8410600b84101617156104f4575081810a6100dc565b6105005f198484610440565b805f190482111561051357610513610419565b029392505050565b5f610526838361047b565b9392505050565b8082025f8212600160ff1b8414161561054857610548610419565b81810583148215176100dc576100dc610419565b634e487b7160e01b5f52601260045260245ffd5b5f8261057e5761057e61055c565b600160ff1b82145f198414161561059757610597610419565b500590565b5f826105aa576105aa61055c565b500490565b818103818111156100dc576100dc610419565b5f600160ff1b82016105d6576105d6610419565b505f039056fea2646970667358221220202cdac776a0b723a3ad3c7e46f1c81d1b8dd9d880e04439e44f3b7100fa5d1764736f6c63430008250033",
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

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (zkmlFixedPointHarness *ZkmlFixedPointHarness) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], zkmlFixedPointHarness.abi.Errors["NotAFieldElement"].ID.Bytes()[:4]) {
		return zkmlFixedPointHarness.UnpackNotAFieldElementError(raw[4:])
	}
	return nil, errors.New("Unknown error")
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
