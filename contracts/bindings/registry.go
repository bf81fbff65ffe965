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
	ABI: "[{\"inputs\":[{\"internalType\":\"uint32\",\"name\":\"inputs\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"publicInputs\",\"type\":\"uint32\"}],\"name\":\"BadInputCount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"}],\"name\":\"DelegatedAccount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"verifierKey\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"buildKey\",\"type\":\"bytes32\"}],\"name\":\"KeyMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"}],\"name\":\"ModelAlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoPublicInputs\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"inputKey\",\"type\":\"bytes32\"}],\"name\":\"NoResult\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"}],\"name\":\"NotAContract\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"}],\"name\":\"NotAZkmlVerifier\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"OutputNotInField\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"reason\",\"type\":\"bytes\"}],\"name\":\"ProofRejected\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"}],\"name\":\"UnknownModel\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint8\",\"name\":\"backend\",\"type\":\"uint8\"}],\"name\":\"UnsupportedBackend\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint8\",\"name\":\"setupKind\",\"type\":\"uint8\"}],\"name\":\"UnsupportedSetupKind\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"}],\"name\":\"VerifierCodeChanged\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"got\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"want\",\"type\":\"uint256\"}],\"name\":\"WrongInputCount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"got\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"want\",\"type\":\"uint256\"}],\"name\":\"WrongPublicInputCount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"buildHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"backend\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"publicInputs\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"inputs\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"setupKind\",\"type\":\"uint8\"}],\"name\":\"ModelRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"inputKey\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"prover\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"sequence\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint256[]\",\"name\":\"publicInputs\",\"type\":\"uint256[]\"}],\"name\":\"ProofVerified\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"GROTH16\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"PLONK\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"SETUP_CEREMONY\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"SETUP_DEVELOPMENT\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"planHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"keyHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint8\",\"name\":\"setupKind\",\"type\":\"uint8\"},{\"internalType\":\"bytes\",\"name\":\"layout\",\"type\":\"bytes\"}],\"name\":\"buildHashOf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256[]\",\"name\":\"inputValues\",\"type\":\"uint256[]\"}],\"name\":\"inputKeyOf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"}],\"name\":\"model\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"backend\",\"type\":\"uint8\"},{\"internalType\":\"uint32\",\"name\":\"publicInputs\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"inputs\",\"type\":\"uint32\"},{\"internalType\":\"uint8\",\"name\":\"setupKind\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"buildHash\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"backend\",\"type\":\"uint8\"},{\"internalType\":\"uint32\",\"name\":\"publicInputs\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"inputs\",\"type\":\"uint32\"}],\"name\":\"modelIdOf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"planHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"keyHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint8\",\"name\":\"setupKind\",\"type\":\"uint8\"},{\"internalType\":\"bytes\",\"name\":\"layout\",\"type\":\"bytes\"},{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"backend\",\"type\":\"uint8\"},{\"internalType\":\"uint32\",\"name\":\"publicInputs\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"inputs\",\"type\":\"uint32\"}],\"name\":\"register\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"inputKey\",\"type\":\"bytes32\"}],\"name\":\"result\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"prover\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"sequence\",\"type\":\"uint32\"},{\"internalType\":\"uint256[]\",\"name\":\"outputs\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"inputValues\",\"type\":\"uint256[]\"}],\"name\":\"resultFor\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"prover\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"sequence\",\"type\":\"uint32\"},{\"internalType\":\"uint256[]\",\"name\":\"outputs\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"proof\",\"type\":\"bytes\"},{\"internalType\":\"uint256[]\",\"name\":\"publicInputs\",\"type\":\"uint256[]\"}],\"name\":\"verify\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"inputKey\",\"type\":\"bytes32\"},{\"internalType\":\"uint32\",\"name\":\"sequence\",\"type\":\"uint32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "ZkmlRegistry",
	Bin: "0x6080604052348015600e575f5ffd5b506116ba8061001c5f395ff3fe608060405234801561000f575f5ffd5b50600436106100b1575f3560e01c80638a9cc4521161006e5780638a9cc4521461016b5780638cbfb491146100fe578063a3a83bee1461017e578063ade5a0eb14610191578063e5199e6c14610191578063ee19e84b14610198575f5ffd5b8063475f93d2146100b55780635496dca8146100db5780635b13797c146100fe57806369b36c8b146101185780637f374daa1461012b5780638960cfc314610158575b5f5ffd5b6100c86100c3366004611068565b6101e7565b6040519081526020015b60405180910390f35b6100ee6100e936600461114a565b610470565b6040516100d29493929190611191565b610106600181565b60405160ff90911681526020016100d2565b6100c8610126366004611205565b6104eb565b61013e61013936600461125f565b61054c565b6040805192835263ffffffff9091166020830152016100d2565b6100c86101663660046112d6565b610a18565b6100ee610179366004611314565b610a84565b6100c861018c366004611334565b610bd0565b6101065f81565b6101ab6101a6366004611385565b610bea565b604080516001600160a01b03909616865260ff948516602087015263ffffffff938416908601529116606084015216608082015260a0016100d2565b5f600160ff8516111561021757604051631598accf60e21b815260ff851660048201526024015b60405180910390fd5b600160ff89161115610241576040516346c5e51f60e11b815260ff8916600482015260240161020e565b8263ffffffff165f03610267576040516389978f1560e01b815260040160405180910390fd5b8263ffffffff168263ffffffff161180610288575061ffff63ffffffff8316115b156102b657604051633f791b7b60e01b815263ffffffff80841660048301528416602482015260440161020e565b6102c0858a610c41565b5f6102ce8b8b8b8b8b610bd0565b90506102dd81878787876104eb565b5f818152602081905260409020549092506001600160a01b03161561031857604051631298be7960e31b81526004810183905260240161020e565b6040518060e00160405280876001600160a01b031681526020018660ff1681526020018a60ff1681526020018563ffffffff16815260200161035a8787610dd1565b6001600160e01b031916815261ffff8581166020808401919091526001600160a01b038a81163f6040948501525f878152808352848120865181549488015196880151606089015160808a015160a08b0151939096166001600160a81b031990971696909617600160a01b60ff998a16021764ffffffffff60a81b1916600160a81b989091169790970263ffffffff60b01b191696909617600160b01b63ffffffff95861602176001600160d01b0316600160d01b60e09490941c939093026001600160f01b031692909217600160f01b959094169490940292909217825560c0909301516001909101559084169003610458576104588285610e27565b6104628282610e9b565b509998505050505050505050565b5f5f5f60605f61047f88610f33565b8054909150600160f01b900461ffff1686146104cb57805460405163f535d8cf60e01b8152600481018a905260248101889052600160f01b90910461ffff16604482015260640161020e565b6104d9886101798989610a18565b94509450945094505093509350935093565b60408051602081018790526001600160a01b0386163f9181019190915260ff8416606082015263ffffffff8084166080830152821660a08201525f9060c0015b60405160208183030381529060405280519060200120905095945050505050565b5f5f5f61055888610f33565b600181015481549192506001600160a01b039091163f146105a157805460405163fd888c5560e01b8152600481018a90526001600160a01b03909116602482015260440161020e565b8054600160b01b900463ffffffff1684146105ee5780546040516305f3a5bb60e21b8152600481018a905260248101869052600160b01b90910463ffffffff16604482015260640161020e565b8054606090600160a01b900460ff166106d95784602061060f89601f6113b0565b61061991906113d7565b6106249060206113ea565b61062f8260206113ea565b61063a9060246113b0565b6106459060206113b0565b61064f91906113b0565b6001600160401b0381111561066657610666611401565b6040519080825280601f01601f191660200182016040528015610690576020820181803683370190505b508354600160d01b900460e01b602080830182815284820291820160248501529294509091908960448601378260200260248201019050898152898b6020830137505050610733565b8154604051600160d01b90910460e01b906106fe908a908a908a908a90602401611445565b60408051601f198184030181529190526020810180516001600160e01b03166001600160e01b03199093169290921790915290505b81546040515f9182916001600160a01b03909116906107539085906114a4565b5f60405180830381855afa9150503d805f811461078b576040519150601f19603f3d011682016040523d82523d5f602084013e610790565b606091505b5091509150816107b7578a81604051630bf38ac160e21b815260040161020e9291906114af565b8354600160a01b900460ff1660011480156107f25750805160201415806107f25750808060200190518101906107ed91906114eb565b600114155b15610814578a81604051630bf38ac160e21b815260040161020e9291906114af565b8354600160f01b900461ffff165f5b81811015610895577f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f00000018a8a8381811061085e5761085e611502565b905060200201351061088d57604051632e45723560e21b8152600481018e90526024810182905260440161020e565b600101610823565b506108a5610166825f8b8d611516565b5f8d81526001602081815260408084208585529091529091208054929950916108dc91600160e01b90910463ffffffff1690611541565b81546001600160e01b0319163367ffffffffffffffff60a01b191617600160a01b436001600160401b031602176001600160e01b0316600160e01b63ffffffff8316021782559650815b898110156109c0575f8b8b8381811061094157610941611502565b9050602002013590507f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f00000018110610997578e82604051632e45723560e21b815260040161020e929190918252602082015260400190565b80600184015f6109a7878661155d565b815260208101919091526040015f205550600101610926565b50336001600160a01b0316888e7fad141d77bfc98f30ecd80ceeb37ef71c77ad9a9c32b1c24840ef405e042361bb8a8e8e604051610a0093929190611570565b60405180910390a45050505050509550959350505050565b5f818103610a2757505f610a7e565b6001829003610a525782825f818110610a4257610a42611502565b905060200201355f1b9050610a7e565b8282604051602001610a65929190611598565b6040516020818303038152906040528051906020012090505b92915050565b5f828152600160209081526040808320848452909152812080548291829160609190600160e01b900463ffffffff168303610adc576040516358f8e0d160e11b8152600481018890526024810187905260440161020e565b5f8781526020819052604090208054610b0d90600160f01b810461ffff1690600160b01b900463ffffffff166115bf565b63ffffffff166001600160401b03811115610b2a57610b2a611401565b604051908082528060200260200182016040528015610b53578160200160208202803683370190505b5092505f5b8351811015610b98575f8181526001840160205260409020548451859083908110610b8557610b85611502565b6020908102919091010152600101610b58565b5050546001600160a01b03811697600160a01b82046001600160401b03169750600160e01b90910463ffffffff169550909350915050565b5f858585858560405160200161052b9594939291906115db565b5f5f5f5f5f5f610bf987610f33565b546001600160a01b0381169860ff600160a01b83048116995063ffffffff600160b01b840416985061ffff600160f01b8404169750600160a81b909204909116945092505050565b816001600160a01b03163b5f03610c76576040516322a2d07b60e21b81526001600160a01b038316600482015260240161020e565b5f5f5f5260035f5f853c505f516001600160e81b0319811661ef0160f01b03610cbd576040516328bbb45960e11b81526001600160a01b038416600482015260240161020e565b60408051600481526024810182526020810180516001600160e01b03166361728f3960e01b17905290515f9182916001600160a01b03871691610cff916114a4565b5f60405180830381855afa9150503d805f8114610d37576040519150601f19603f3d011682016040523d82523d5f602084013e610d3c565b606091505b5091509150811580610d5057508051602014155b15610d795760405163181a6fab60e21b81526001600160a01b038616600482015260240161020e565b5f81806020019051810190610d8e91906114eb565b9050848114610dc957604051639ea7e98560e01b81526001600160a01b0387166004820152602481018290526044810186905260640161020e565b505050505050565b5f60ff831615610e01577f7e4f7a8a3016bf75945a95ae04e6678ed3bb4fb93fae55a684467fa45acd6b39610e20565b610e108263ffffffff16610f70565b604051602001610a65919061160b565b9392505050565b5f8281526001602081815260408084208480529091528220805467ffffffffffffffff60a01b1916600160a01b439093176001600160401b031692909202919091178155905b8263ffffffff16811015610e95575f8181526001838101602052604090912081905501610e6d565b50505050565b5f8281526020818152604091829020805483516001600160a01b0382168152600160a01b820460ff90811694820194909452600160b01b820463ffffffff1681860152600160f01b820461ffff166060820152600160a81b90910490921660808301529151839185917fee5214307533f2ab43739c9da41f94eed4c5de997bbbec4a1292dbc7f6ae75be9181900360a00190a3505050565b5f81815260208190526040902080546001600160a01b0316610f6b5760405163a2dc062560e01b81526004810183905260240161020e565b919050565b6060815f03610f965750506040805180820190915260018152600360fc1b602082015290565b8115610f6b57610fa7600a8361164e565b610fb29060306113b0565b60f81b81604051602001610fc7929190611661565b60408051601f198184030181529190529050610fe4600a836113d7565b9150610f96565b803560ff81168114610f6b575f5ffd5b5f5f83601f84011261100b575f5ffd5b5081356001600160401b03811115611021575f5ffd5b602083019150836020828501011115611038575f5ffd5b9250929050565b80356001600160a01b0381168114610f6b575f5ffd5b803563ffffffff81168114610f6b575f5ffd5b5f5f5f5f5f5f5f5f5f6101008a8c031215611081575f5ffd5b8935985060208a0135975061109860408b01610feb565b965060608a01356001600160401b038111156110b2575f5ffd5b6110be8c828d01610ffb565b90975095506110d1905060808b0161103f565b93506110df60a08b01610feb565b92506110ed60c08b01611055565b91506110fb60e08b01611055565b90509295985092959850929598565b5f5f83601f84011261111a575f5ffd5b5081356001600160401b03811115611130575f5ffd5b6020830191508360208260051b8501011115611038575f5ffd5b5f5f5f6040848603121561115c575f5ffd5b8335925060208401356001600160401b03811115611178575f5ffd5b6111848682870161110a565b9497909650939450505050565b6001600160a01b03851681526001600160401b03841660208083019190915263ffffffff8416604083015260806060830181905283519083018190525f9184019060a0840190835b818110156111f75783518352602093840193909201916001016111d9565b509098975050505050505050565b5f5f5f5f5f60a08688031215611219575f5ffd5b853594506112296020870161103f565b935061123760408701610feb565b925061124560608701611055565b915061125360808701611055565b90509295509295909350565b5f5f5f5f5f60608688031215611273575f5ffd5b8535945060208601356001600160401b0381111561128f575f5ffd5b61129b88828901610ffb565b90955093505060408601356001600160401b038111156112b9575f5ffd5b6112c58882890161110a565b969995985093965092949392505050565b5f5f602083850312156112e7575f5ffd5b82356001600160401b038111156112fc575f5ffd5b6113088582860161110a565b90969095509350505050565b5f5f60408385031215611325575f5ffd5b50508035926020909101359150565b5f5f5f5f5f60808688031215611348575f5ffd5b853594506020860135935061135f60408701610feb565b925060608601356001600160401b03811115611379575f5ffd5b6112c588828901610ffb565b5f60208284031215611395575f5ffd5b5035919050565b634e487b7160e01b5f52601160045260245ffd5b80820180821115610a7e57610a7e61139c565b634e487b7160e01b5f52601260045260245ffd5b5f826113e5576113e56113c3565b500490565b8082028115828204841417610a7e57610a7e61139c565b634e487b7160e01b5f52604160045260245ffd5b8183525f6001600160fb1b0383111561142c575f5ffd5b8260051b80836020870137939093016020019392505050565b60408152836040820152838560608301375f606085830101525f601f19601f86011682016060838203016020840152611482606082018587611415565b979650505050505050565b5f81518060208401855e5f93019283525090919050565b5f610e20828461148d565b828152604060208201525f82518060408401528060208501606085015e5f606082850101526060601f19601f8301168401019150509392505050565b5f602082840312156114fb575f5ffd5b5051919050565b634e487b7160e01b5f52603260045260245ffd5b5f5f85851115611524575f5ffd5b83861115611530575f5ffd5b5050600583901b0193919092039150565b63ffffffff8181168382160190811115610a7e57610a7e61139c565b81810381811115610a7e57610a7e61139c565b63ffffffff84168152604060208201525f61158f604083018486611415565b95945050505050565b5f6001600160fb1b038311156115ac575f5ffd5b8260051b80858437919091019392505050565b63ffffffff8281168282160390811115610a7e57610a7e61139c565b85815284602082015260ff60f81b8460f81b166040820152818360418301375f9101604101908152949350505050565b7f76657269667950726f6f662862797465732c75696e743235365b00000000000081525f61163c601a83018461148d565b615d2960f01b81526002019392505050565b5f8261165c5761165c6113c3565b500690565b6001600160f81b0319831681525f61167c600183018461148d565b94935050505056fea2646970667358221220b8dc97cdb7cabe285302cd95fa815cd39370578f102e48ae749f521b06a3b6c964736f6c63430008250033",
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

// PackSETUPCEREMONY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5b13797c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function SETUP_CEREMONY() view returns(uint8)
func (zkmlRegistry *ZkmlRegistry) PackSETUPCEREMONY() []byte {
	enc, err := zkmlRegistry.abi.Pack("SETUP_CEREMONY")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSETUPCEREMONY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5b13797c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function SETUP_CEREMONY() view returns(uint8)
func (zkmlRegistry *ZkmlRegistry) TryPackSETUPCEREMONY() ([]byte, error) {
	return zkmlRegistry.abi.Pack("SETUP_CEREMONY")
}

// UnpackSETUPCEREMONY is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5b13797c.
//
// Solidity: function SETUP_CEREMONY() view returns(uint8)
func (zkmlRegistry *ZkmlRegistry) UnpackSETUPCEREMONY(data []byte) (uint8, error) {
	out, err := zkmlRegistry.abi.Unpack("SETUP_CEREMONY", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackSETUPDEVELOPMENT is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xade5a0eb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function SETUP_DEVELOPMENT() view returns(uint8)
func (zkmlRegistry *ZkmlRegistry) PackSETUPDEVELOPMENT() []byte {
	enc, err := zkmlRegistry.abi.Pack("SETUP_DEVELOPMENT")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSETUPDEVELOPMENT is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xade5a0eb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function SETUP_DEVELOPMENT() view returns(uint8)
func (zkmlRegistry *ZkmlRegistry) TryPackSETUPDEVELOPMENT() ([]byte, error) {
	return zkmlRegistry.abi.Pack("SETUP_DEVELOPMENT")
}

// UnpackSETUPDEVELOPMENT is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xade5a0eb.
//
// Solidity: function SETUP_DEVELOPMENT() view returns(uint8)
func (zkmlRegistry *ZkmlRegistry) UnpackSETUPDEVELOPMENT(data []byte) (uint8, error) {
	out, err := zkmlRegistry.abi.Unpack("SETUP_DEVELOPMENT", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackBuildHashOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa3a83bee.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function buildHashOf(bytes32 planHash, bytes32 keyHash, uint8 setupKind, bytes layout) pure returns(bytes32)
func (zkmlRegistry *ZkmlRegistry) PackBuildHashOf(planHash [32]byte, keyHash [32]byte, setupKind uint8, layout []byte) []byte {
	enc, err := zkmlRegistry.abi.Pack("buildHashOf", planHash, keyHash, setupKind, layout)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBuildHashOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa3a83bee.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function buildHashOf(bytes32 planHash, bytes32 keyHash, uint8 setupKind, bytes layout) pure returns(bytes32)
func (zkmlRegistry *ZkmlRegistry) TryPackBuildHashOf(planHash [32]byte, keyHash [32]byte, setupKind uint8, layout []byte) ([]byte, error) {
	return zkmlRegistry.abi.Pack("buildHashOf", planHash, keyHash, setupKind, layout)
}

// UnpackBuildHashOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa3a83bee.
//
// Solidity: function buildHashOf(bytes32 planHash, bytes32 keyHash, uint8 setupKind, bytes layout) pure returns(bytes32)
func (zkmlRegistry *ZkmlRegistry) UnpackBuildHashOf(data []byte) ([32]byte, error) {
	out, err := zkmlRegistry.abi.Unpack("buildHashOf", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackInputKeyOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8960cfc3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function inputKeyOf(uint256[] inputValues) pure returns(bytes32)
func (zkmlRegistry *ZkmlRegistry) PackInputKeyOf(inputValues []*big.Int) []byte {
	enc, err := zkmlRegistry.abi.Pack("inputKeyOf", inputValues)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackInputKeyOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8960cfc3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function inputKeyOf(uint256[] inputValues) pure returns(bytes32)
func (zkmlRegistry *ZkmlRegistry) TryPackInputKeyOf(inputValues []*big.Int) ([]byte, error) {
	return zkmlRegistry.abi.Pack("inputKeyOf", inputValues)
}

// UnpackInputKeyOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8960cfc3.
//
// Solidity: function inputKeyOf(uint256[] inputValues) pure returns(bytes32)
func (zkmlRegistry *ZkmlRegistry) UnpackInputKeyOf(data []byte) ([32]byte, error) {
	out, err := zkmlRegistry.abi.Unpack("inputKeyOf", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackModel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xee19e84b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function model(bytes32 modelId) view returns(address verifier, uint8 backend, uint32 publicInputs, uint32 inputs, uint8 setupKind)
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
// Solidity: function model(bytes32 modelId) view returns(address verifier, uint8 backend, uint32 publicInputs, uint32 inputs, uint8 setupKind)
func (zkmlRegistry *ZkmlRegistry) TryPackModel(modelId [32]byte) ([]byte, error) {
	return zkmlRegistry.abi.Pack("model", modelId)
}

// ModelOutput serves as a container for the return parameters of contract
// method Model.
type ModelOutput struct {
	Verifier     common.Address
	Backend      uint8
	PublicInputs uint32
	Inputs       uint32
	SetupKind    uint8
}

// UnpackModel is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xee19e84b.
//
// Solidity: function model(bytes32 modelId) view returns(address verifier, uint8 backend, uint32 publicInputs, uint32 inputs, uint8 setupKind)
func (zkmlRegistry *ZkmlRegistry) UnpackModel(data []byte) (ModelOutput, error) {
	out, err := zkmlRegistry.abi.Unpack("model", data)
	outstruct := new(ModelOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Verifier = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.Backend = *abi.ConvertType(out[1], new(uint8)).(*uint8)
	outstruct.PublicInputs = *abi.ConvertType(out[2], new(uint32)).(*uint32)
	outstruct.Inputs = *abi.ConvertType(out[3], new(uint32)).(*uint32)
	outstruct.SetupKind = *abi.ConvertType(out[4], new(uint8)).(*uint8)
	return *outstruct, nil
}

// PackModelIdOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x69b36c8b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function modelIdOf(bytes32 buildHash, address verifier, uint8 backend, uint32 publicInputs, uint32 inputs) view returns(bytes32)
func (zkmlRegistry *ZkmlRegistry) PackModelIdOf(buildHash [32]byte, verifier common.Address, backend uint8, publicInputs uint32, inputs uint32) []byte {
	enc, err := zkmlRegistry.abi.Pack("modelIdOf", buildHash, verifier, backend, publicInputs, inputs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackModelIdOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x69b36c8b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function modelIdOf(bytes32 buildHash, address verifier, uint8 backend, uint32 publicInputs, uint32 inputs) view returns(bytes32)
func (zkmlRegistry *ZkmlRegistry) TryPackModelIdOf(buildHash [32]byte, verifier common.Address, backend uint8, publicInputs uint32, inputs uint32) ([]byte, error) {
	return zkmlRegistry.abi.Pack("modelIdOf", buildHash, verifier, backend, publicInputs, inputs)
}

// UnpackModelIdOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x69b36c8b.
//
// Solidity: function modelIdOf(bytes32 buildHash, address verifier, uint8 backend, uint32 publicInputs, uint32 inputs) view returns(bytes32)
func (zkmlRegistry *ZkmlRegistry) UnpackModelIdOf(data []byte) ([32]byte, error) {
	out, err := zkmlRegistry.abi.Unpack("modelIdOf", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x475f93d2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function register(bytes32 planHash, bytes32 keyHash, uint8 setupKind, bytes layout, address verifier, uint8 backend, uint32 publicInputs, uint32 inputs) returns(bytes32 modelId)
func (zkmlRegistry *ZkmlRegistry) PackRegister(planHash [32]byte, keyHash [32]byte, setupKind uint8, layout []byte, verifier common.Address, backend uint8, publicInputs uint32, inputs uint32) []byte {
	enc, err := zkmlRegistry.abi.Pack("register", planHash, keyHash, setupKind, layout, verifier, backend, publicInputs, inputs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x475f93d2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function register(bytes32 planHash, bytes32 keyHash, uint8 setupKind, bytes layout, address verifier, uint8 backend, uint32 publicInputs, uint32 inputs) returns(bytes32 modelId)
func (zkmlRegistry *ZkmlRegistry) TryPackRegister(planHash [32]byte, keyHash [32]byte, setupKind uint8, layout []byte, verifier common.Address, backend uint8, publicInputs uint32, inputs uint32) ([]byte, error) {
	return zkmlRegistry.abi.Pack("register", planHash, keyHash, setupKind, layout, verifier, backend, publicInputs, inputs)
}

// UnpackRegister is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x475f93d2.
//
// Solidity: function register(bytes32 planHash, bytes32 keyHash, uint8 setupKind, bytes layout, address verifier, uint8 backend, uint32 publicInputs, uint32 inputs) returns(bytes32 modelId)
func (zkmlRegistry *ZkmlRegistry) UnpackRegister(data []byte) ([32]byte, error) {
	out, err := zkmlRegistry.abi.Unpack("register", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackResult is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8a9cc452.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function result(bytes32 modelId, bytes32 inputKey) view returns(address prover, uint64 blockNumber, uint32 sequence, uint256[] outputs)
func (zkmlRegistry *ZkmlRegistry) PackResult(modelId [32]byte, inputKey [32]byte) []byte {
	enc, err := zkmlRegistry.abi.Pack("result", modelId, inputKey)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackResult is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8a9cc452.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function result(bytes32 modelId, bytes32 inputKey) view returns(address prover, uint64 blockNumber, uint32 sequence, uint256[] outputs)
func (zkmlRegistry *ZkmlRegistry) TryPackResult(modelId [32]byte, inputKey [32]byte) ([]byte, error) {
	return zkmlRegistry.abi.Pack("result", modelId, inputKey)
}

// ResultOutput serves as a container for the return parameters of contract
// method Result.
type ResultOutput struct {
	Prover      common.Address
	BlockNumber uint64
	Sequence    uint32
	Outputs     []*big.Int
}

// UnpackResult is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8a9cc452.
//
// Solidity: function result(bytes32 modelId, bytes32 inputKey) view returns(address prover, uint64 blockNumber, uint32 sequence, uint256[] outputs)
func (zkmlRegistry *ZkmlRegistry) UnpackResult(data []byte) (ResultOutput, error) {
	out, err := zkmlRegistry.abi.Unpack("result", data)
	outstruct := new(ResultOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Prover = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.BlockNumber = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	outstruct.Sequence = *abi.ConvertType(out[2], new(uint32)).(*uint32)
	outstruct.Outputs = *abi.ConvertType(out[3], new([]*big.Int)).(*[]*big.Int)
	return *outstruct, nil
}

// PackResultFor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5496dca8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function resultFor(bytes32 modelId, uint256[] inputValues) view returns(address prover, uint64 blockNumber, uint32 sequence, uint256[] outputs)
func (zkmlRegistry *ZkmlRegistry) PackResultFor(modelId [32]byte, inputValues []*big.Int) []byte {
	enc, err := zkmlRegistry.abi.Pack("resultFor", modelId, inputValues)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackResultFor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5496dca8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function resultFor(bytes32 modelId, uint256[] inputValues) view returns(address prover, uint64 blockNumber, uint32 sequence, uint256[] outputs)
func (zkmlRegistry *ZkmlRegistry) TryPackResultFor(modelId [32]byte, inputValues []*big.Int) ([]byte, error) {
	return zkmlRegistry.abi.Pack("resultFor", modelId, inputValues)
}

// ResultForOutput serves as a container for the return parameters of contract
// method ResultFor.
type ResultForOutput struct {
	Prover      common.Address
	BlockNumber uint64
	Sequence    uint32
	Outputs     []*big.Int
}

// UnpackResultFor is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5496dca8.
//
// Solidity: function resultFor(bytes32 modelId, uint256[] inputValues) view returns(address prover, uint64 blockNumber, uint32 sequence, uint256[] outputs)
func (zkmlRegistry *ZkmlRegistry) UnpackResultFor(data []byte) (ResultForOutput, error) {
	out, err := zkmlRegistry.abi.Unpack("resultFor", data)
	outstruct := new(ResultForOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Prover = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.BlockNumber = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	outstruct.Sequence = *abi.ConvertType(out[2], new(uint32)).(*uint32)
	outstruct.Outputs = *abi.ConvertType(out[3], new([]*big.Int)).(*[]*big.Int)
	return *outstruct, nil
}

// PackVerify is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7f374daa.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verify(bytes32 modelId, bytes proof, uint256[] publicInputs) returns(bytes32 inputKey, uint32 sequence)
func (zkmlRegistry *ZkmlRegistry) PackVerify(modelId [32]byte, proof []byte, publicInputs []*big.Int) []byte {
	enc, err := zkmlRegistry.abi.Pack("verify", modelId, proof, publicInputs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerify is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7f374daa.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verify(bytes32 modelId, bytes proof, uint256[] publicInputs) returns(bytes32 inputKey, uint32 sequence)
func (zkmlRegistry *ZkmlRegistry) TryPackVerify(modelId [32]byte, proof []byte, publicInputs []*big.Int) ([]byte, error) {
	return zkmlRegistry.abi.Pack("verify", modelId, proof, publicInputs)
}

// VerifyOutput serves as a container for the return parameters of contract
// method Verify.
type VerifyOutput struct {
	InputKey [32]byte
	Sequence uint32
}

// UnpackVerify is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7f374daa.
//
// Solidity: function verify(bytes32 modelId, bytes proof, uint256[] publicInputs) returns(bytes32 inputKey, uint32 sequence)
func (zkmlRegistry *ZkmlRegistry) UnpackVerify(data []byte) (VerifyOutput, error) {
	out, err := zkmlRegistry.abi.Unpack("verify", data)
	outstruct := new(VerifyOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.InputKey = *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	outstruct.Sequence = *abi.ConvertType(out[1], new(uint32)).(*uint32)
	return *outstruct, nil
}

// ZkmlRegistryModelRegistered represents a ModelRegistered event raised by the ZkmlRegistry contract.
type ZkmlRegistryModelRegistered struct {
	ModelId      [32]byte
	BuildHash    [32]byte
	Verifier     common.Address
	Backend      uint8
	PublicInputs uint32
	Inputs       uint32
	SetupKind    uint8
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
// Solidity: event ModelRegistered(bytes32 indexed modelId, bytes32 indexed buildHash, address verifier, uint8 backend, uint32 publicInputs, uint32 inputs, uint8 setupKind)
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
	ModelId      [32]byte
	InputKey     [32]byte
	Prover       common.Address
	Sequence     uint32
	PublicInputs []*big.Int
	Raw          *types.Log // Blockchain specific contextual infos
}

const ZkmlRegistryProofVerifiedEventName = "ProofVerified"

// ContractEventName returns the user-defined event name.
func (ZkmlRegistryProofVerified) ContractEventName() string {
	return ZkmlRegistryProofVerifiedEventName
}

// UnpackProofVerifiedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ProofVerified(bytes32 indexed modelId, bytes32 indexed inputKey, address indexed prover, uint32 sequence, uint256[] publicInputs)
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
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["BadInputCount"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackBadInputCountError(raw[4:])
	}
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
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["UnsupportedSetupKind"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackUnsupportedSetupKindError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["VerifierCodeChanged"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackVerifierCodeChangedError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["WrongInputCount"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackWrongInputCountError(raw[4:])
	}
	if bytes.Equal(raw[:4], zkmlRegistry.abi.Errors["WrongPublicInputCount"].ID.Bytes()[:4]) {
		return zkmlRegistry.UnpackWrongPublicInputCountError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// ZkmlRegistryBadInputCount represents a BadInputCount error raised by the ZkmlRegistry contract.
type ZkmlRegistryBadInputCount struct {
	Inputs       uint32
	PublicInputs uint32
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadInputCount(uint32 inputs, uint32 publicInputs)
func ZkmlRegistryBadInputCountErrorID() common.Hash {
	return common.HexToHash("0x3f791b7b44382be329c9c5a164bfe491f7d455199b4ea20c4b4e78e72b3d6b45")
}

// UnpackBadInputCountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadInputCount(uint32 inputs, uint32 publicInputs)
func (zkmlRegistry *ZkmlRegistry) UnpackBadInputCountError(raw []byte) (*ZkmlRegistryBadInputCount, error) {
	out := new(ZkmlRegistryBadInputCount)
	if err := zkmlRegistry.abi.UnpackIntoInterface(out, "BadInputCount", raw); err != nil {
		return nil, err
	}
	return out, nil
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
	ModelId  [32]byte
	InputKey [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoResult(bytes32 modelId, bytes32 inputKey)
func ZkmlRegistryNoResultErrorID() common.Hash {
	return common.HexToHash("0xb1f1c1a215bccd4897bc71a5de70cf792418cc64bed7664f63addfbcc04c8dc2")
}

// UnpackNoResultError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoResult(bytes32 modelId, bytes32 inputKey)
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

// ZkmlRegistryUnsupportedSetupKind represents a UnsupportedSetupKind error raised by the ZkmlRegistry contract.
type ZkmlRegistryUnsupportedSetupKind struct {
	SetupKind uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnsupportedSetupKind(uint8 setupKind)
func ZkmlRegistryUnsupportedSetupKindErrorID() common.Hash {
	return common.HexToHash("0x8d8bca3e51127e68244cf548980c76448ee479081a7f83454861ed927c9d8189")
}

// UnpackUnsupportedSetupKindError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnsupportedSetupKind(uint8 setupKind)
func (zkmlRegistry *ZkmlRegistry) UnpackUnsupportedSetupKindError(raw []byte) (*ZkmlRegistryUnsupportedSetupKind, error) {
	out := new(ZkmlRegistryUnsupportedSetupKind)
	if err := zkmlRegistry.abi.UnpackIntoInterface(out, "UnsupportedSetupKind", raw); err != nil {
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

// ZkmlRegistryWrongInputCount represents a WrongInputCount error raised by the ZkmlRegistry contract.
type ZkmlRegistryWrongInputCount struct {
	ModelId [32]byte
	Got     *big.Int
	Want    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongInputCount(bytes32 modelId, uint256 got, uint256 want)
func ZkmlRegistryWrongInputCountErrorID() common.Hash {
	return common.HexToHash("0xf535d8cf190315b16e740a129ad0bf844c78b2e0cc92a5572e27517b677a1a5b")
}

// UnpackWrongInputCountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongInputCount(bytes32 modelId, uint256 got, uint256 want)
func (zkmlRegistry *ZkmlRegistry) UnpackWrongInputCountError(raw []byte) (*ZkmlRegistryWrongInputCount, error) {
	out := new(ZkmlRegistryWrongInputCount)
	if err := zkmlRegistry.abi.UnpackIntoInterface(out, "WrongInputCount", raw); err != nil {
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
