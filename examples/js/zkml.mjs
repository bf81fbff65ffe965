// zkml's outputs in JavaScript: the decoding of ZkmlFixedPoint.sol
// (contracts/solidity), for the public inputs of a proof or the outputs a
// ZkmlRegistry recorded. Values are BigInts, as ethers returns uint256.

/** The BN254 scalar field order: public inputs are below it. */
export const R = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;

/** ZkmlFixedPoint.toSigned: the signed integer q of an unpacked public input. */
export function toSigned(x) {
  x = BigInt(x);
  if (x < 0n || x >= R) throw new RangeError(`${x} is not a field element`);
  return x > R / 2n ? x - R : x;
}

/**
 * ZkmlFixedPoint.unpack: the signed integer q of output index of packed
 * public inputs, bits per output, perWord outputs per public input.
 */
export function unpack(words, index, bits, perWord) {
  if (bits < 1 || bits > 63 || perWord < 1 || bits * perWord > 253) {
    throw new RangeError(`bad packing: ${bits} bits, ${perWord} per word`);
  }
  const w = Math.floor(index / perWord);
  if (w >= words.length) throw new RangeError(`output ${index} is past ${words.length * perWord} packed outputs`);
  const b = BigInt(bits);
  const slot = (BigInt(words[w]) >> (b * BigInt(index % perWord))) & ((1n << b) - 1n);
  return slot - (1n << (b - 1n));
}

/**
 * The model's outputs from its public outputs (the registry's result
 * outputs, or a proof's public inputs after the input part), as the build's
 * settings.json lays them out: one entry per output element, with its name,
 * its fixed-point integer q and its value q / 2^scale.
 */
export function decodeOutputs(words, settings) {
  if (settings.visibility && settings.visibility.output !== "public") {
    throw new Error(`the model's outputs are ${settings.visibility.output}: the public inputs do not hold them`);
  }
  const packing = settings.circuit.output_packing;
  const out = [];
  let index = 0;
  for (const o of settings.outputs) {
    const n = o.shape.reduce((a, d) => a * d, 1);
    for (let i = 0; i < n; i++, index++) {
      const q = packing
        ? unpack(words, index, packing.bits_per_output, packing.outputs_per_word)
        : toSigned(words[index]);
      out.push({ name: `${o.name}[${i}]`, q, scale: o.scale, value: Number(q) / 2 ** o.scale });
    }
  }
  return out;
}
