// Submits a zkml proof to a ZkmlRegistry with ethers v6, then reads the
// outputs the registry recorded for the proof's input and decodes them as
// ZkmlFixedPoint does (zkml.mjs).
//
//   zkml deploy build/ --registry new --rpc $RPC             # prints registry and model id
//   zkml calldata build/ proof.json --registry 0xREGISTRY --model-id 0xID --json > call.json
//   ZKML_PRIVATE_KEY=0x... node submit.mjs --rpc $RPC --call call.json --settings build/settings.json
//
// call.json gives the registry ("to"), the model id, the proof's bytes and
// its public inputs: ethers encodes verify(modelId, proof, publicInputs)
// from them (the same bytes as "data", which any client can send as is).
// Exits 1 when the registry rejects the proof, printing its reason.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Contract, JsonRpcProvider, Wallet } from "ethers";
import { decodeOutputs } from "./zkml.mjs";

const REGISTRY_ABI = [
  "function verify(bytes32 modelId, bytes proof, uint256[] publicInputs) returns (bytes32 inputKey, uint32 sequence)",
  "function result(bytes32 modelId, bytes32 inputKey) view returns (address prover, uint64 blockNumber, uint32 sequence, uint256[] outputs)",
  "error UnknownModel(bytes32 modelId)",
  "error VerifierCodeChanged(bytes32 modelId, address verifier)",
  "error WrongPublicInputCount(bytes32 modelId, uint256 got, uint256 want)",
  "error OutputNotInField(bytes32 modelId, uint256 index)",
  "error ProofRejected(bytes32 modelId, bytes reason)",
  "error NoResult(bytes32 modelId, bytes32 inputKey)",
];

const { values: opt } = parseArgs({
  options: { rpc: { type: "string" }, call: { type: "string" }, settings: { type: "string" } },
});
if (!opt.rpc || !opt.call || !opt.settings || !process.env.ZKML_PRIVATE_KEY) {
  console.error("usage: ZKML_PRIVATE_KEY=0x.. node submit.mjs --rpc URL --call call.json --settings build/settings.json");
  process.exit(2);
}
const call = JSON.parse(readFileSync(opt.call, "utf8"));
const settings = JSON.parse(readFileSync(opt.settings, "utf8"));
if (!call.to || !call.model_id) {
  console.error(`${opt.call}: no registry call: run zkml calldata with --registry ADDRESS --model-id ID --json`);
  process.exit(2);
}

const provider = new JsonRpcProvider(opt.rpc, undefined, { staticNetwork: true });
const wallet = new Wallet(process.env.ZKML_PRIVATE_KEY, provider);
const registry = new Contract(call.to, REGISTRY_ABI, wallet);
const args = [call.model_id, call.proof, call.public_inputs];

// The call ethers encodes is the one zkml printed.
if (registry.interface.encodeFunctionData("verify", args) !== call.data) {
  console.error(`${opt.call}: verify(model_id, proof, public_inputs) does not encode to its data`);
  process.exit(2);
}

try {
  // An eth_call first: a rejected proof costs nothing.
  const [inputKey] = await registry.verify.staticCall(...args);
  const tx = await registry.verify(...args);
  const receipt = await tx.wait();
  console.log(`verified: tx ${receipt.hash}, gas used ${receipt.gasUsed}, input key ${inputKey}`);

  const [prover, block, sequence, outputs] = await registry.result(call.model_id, inputKey);
  console.log(`result: sequence ${sequence}, block ${block}, prover ${prover}`);
  for (const o of decodeOutputs(outputs, settings)) {
    console.log(`${o.name} = ${o.value} (q = ${o.q}, scale 2^${o.scale})`);
  }
} catch (err) {
  if (err.revert) {
    console.error(`rejected: ${err.revert.signature} ${err.revert.args.join(", ")}`);
    process.exit(1);
  }
  throw err;
}
