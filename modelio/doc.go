// Package modelio reads the JSON files that come with a model: inference
// inputs in EZKL's input.json format, the one `zkml prove` takes, and ONNX
// Runtime reference outputs (reference.json). A program that proves with
// package prover reads its inputs here, exactly as the command line does:
//
//	in, err := modelio.ReadInputFile("input.json") // one flat []float64 per model input
//	proof, err := build.Prove(ctx, in)
//
// The input format is
//
//	{"input_data": [[row-major values of input 0], [values of input 1], ...]}
//
// Nested lists are flattened (so [[[1, 2], [3, 4]]] is one 2×2 input),
// other keys are ignored, a list of booleans is a boolean input (0 and 1),
// and a boolean among numbers, NaN and infinities are refused; a model
// without inputs takes {"input_data": []}. [ParseInput] parses
// it from bytes, for input that does not come from a file; its errors name
// the element at fault ("input_data[0][3]: expected a number, got null").
// [CheckInputs] then compares the inputs with the model's names and shapes
// (prover.Build.Settings().Inputs) and reports every mismatch in one error;
// [ForModel] does the same and also takes [[]] for a model without inputs.
//
// [ReadReference] reads a reference file: cases of inputs with the outputs
// ONNX Runtime computed for them; [RelativeLInf] is the accuracy measure
// zkml's tests and reports compare outputs with.
//
// The package imports nothing else of zkml: it is the file format, not the
// model, and can be used on its own.
package modelio
