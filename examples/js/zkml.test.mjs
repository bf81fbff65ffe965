// node --test examples/js: zkml.mjs decodes as ZkmlFixedPoint.sol does.
import assert from "node:assert/strict";
import { test } from "node:test";
import { R, decodeOutputs, toSigned, unpack } from "./zkml.mjs";

test("toSigned: values above (r-1)/2 are negative", () => {
  assert.equal(toSigned(5n), 5n);
  assert.equal(toSigned(R - 1n), -1n);
  assert.equal(toSigned((R - 1n) / 2n), (R - 1n) / 2n);
  assert.equal(toSigned("21888242871839275222246405745257275088548364400416034343698204186575808495610"), -7n);
  assert.throws(() => toSigned(R), RangeError);
});

test("unpack: slot i of word i / perWord, less the offset 2^(bits-1)", () => {
  // 3 and -2 at 8 bits, 2 a word; then -5 alone in the second word.
  const words = [131n | (126n << 8n), 123n];
  assert.equal(unpack(words, 0, 8, 2), 3n);
  assert.equal(unpack(words, 1, 8, 2), -2n);
  assert.equal(unpack(words, 2, 8, 2), -5n);
  assert.throws(() => unpack(words, 4, 8, 2), RangeError);
  assert.throws(() => unpack(words, 0, 64, 1), RangeError);
  assert.throws(() => unpack(words, 0, 32, 8), RangeError);
  // zkml's default: 32 bits, 7 a word.
  const q = [-1n, 2n ** 31n - 1n, -(2n ** 31n)];
  const word = q.reduce((w, v, i) => w | ((v + 2n ** 31n) << (32n * BigInt(i))), 0n);
  assert.deepEqual([0, 1, 2].map((i) => unpack([word], i, 32, 7)), q);
});

test("decodeOutputs: settings.json's layout and scales", () => {
  const settings = {
    outputs: [{ name: "y", shape: [1, 2], scale: 4 }, { name: "z", shape: [1], scale: 0 }],
    circuit: { output_packing: { bits_per_output: 8, outputs_per_word: 2, offset: 128 } },
  };
  const out = decodeOutputs([131n | (126n << 8n), 123n], settings);
  assert.deepEqual(out.map((o) => [o.name, o.q, o.value]), [["y[0]", 3n, 0.1875], ["y[1]", -2n, -0.125], ["z[0]", -5n, -5]]);
  delete settings.circuit.output_packing;
  assert.deepEqual(decodeOutputs([16n, R - 8n, 0n], settings).map((o) => o.value), [1, -0.5, 0]);
  assert.throws(() => decodeOutputs([], { ...settings, visibility: { output: "hashed" } }), /hashed/);
});
