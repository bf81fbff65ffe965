package contracts

// RegistryVerifyFunction is the signature of the registry function whose
// calldata [RegistryCalldata] encodes, verify(bytes32,bytes,uint256[]),
// for clients that show or check the call (cast's function argument, ethers'
// Interface). It is read from the registry's ABI, so it follows the
// contract.
func RegistryVerifyFunction() string { return registryABI.GetABI().Methods["verify"].Sig }
