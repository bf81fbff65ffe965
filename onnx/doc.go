// Package onnx imports ONNX models into zkml's typed graph IR.
//
// Call [Load] with the path of a .onnx file (or [Parse] with its bytes):
//
//	g, err := onnx.Load("network.onnx", nil)
//	if err != nil {
//		log.Fatal(err) // one line: the file, the node, what is wrong and what to do
//	}
//	fmt.Print(g.Summary())
//
// The result is a [Graph] that later stages (quantize/) can consume without
// knowing anything about ONNX opsets or exporters:
//
//   - every value has a static dtype and shape ([Graph.Values]); symbolic
//     dimensions of the inputs take their value from [Options].Dims, or 1
//     (one sample) when not listed;
//   - everything that can be computed without the model inputs is computed:
//     initializers, Constant nodes and the results of folding (PyTorch's
//     Shape → Gather → Unsqueeze → Concat → Reshape chains, for instance) are
//     in [Graph.Constants], and [Graph.Nodes] holds only nodes with at least
//     one non-constant input, topologically sorted;
//   - a BatchNormalization right after a Conv or Gemm is folded into its
//     weights and bias; Identity, inference-mode Dropout and Cast between
//     float types are removed (except where they produce a graph output,
//     whose name is kept); nodes that no output needs are dropped;
//   - node attributes are canonical, as described below.
//
// # Errors
//
// Errors start with the file name, name the node when there is one, and say
// what to do: a Git LFS pointer, a truncated or non-ONNX file, external
// tensor data, string or complex tensors, dynamic shapes and invalid
// attributes are all reported in one line. When the model uses operators
// zkml does not support, the error lists every such op type with its count
// and first node:
//
//	model.onnx: unsupported ops: Loop (1, node "loop_0"), NonZero (2, node "/NonZero")
//
// That error wraps an [UnsupportedOpsError], which holds the list.
//
// [SupportedOps] lists the operators the importer understands. A few
// (Mod, ReduceProd, NonZero, ...) are accepted only when their
// inputs are constant, so that they fold away ([FoldOnly]). Elementwise
// functions (Sigmoid, Tanh, Exp, Erf, Gelu, Elu, ...) stay in the graph;
// [ElementwiseFunc] gives the real function each computes, with its
// attributes.
//
// LayerNormalization and InstanceNormalization are replaced, at load time,
// by the ops they stand for (ReduceMean, Sub, Mul, Add, Sqrt, Div), named
// after the node ("<node>/mean", "<node>/variance", ...), so that later
// stages see only simple ops and calibration measures every step. So are
// ReduceSumSquare (ReduceSum of x·x), ReduceL1 (of Abs(x)) and ReduceL2
// (Sqrt of the sum of squares), with the ReduceSum's axes given as the
// opset wants them.
//
// RNN, LSTM and GRU are unrolled over their static sequence length, each
// step written with ops later stages know: per gate a Gemm of the step's
// input (a Gather of X) and a Gemm of the previous hidden state, added;
// the gate activations; Mul of two computed values for the gating and the
// cell update; Unsqueeze and Concat to assemble Y, Y_h and Y_c. Nodes are
// named "<node>/t<step>/<gate>..." ("<node>/forward/..." and
// "<node>/reverse/..." when bidirectional). Every direction, the layout
// attribute, clip (of the inputs of f and g), LSTM peepholes and input_forget, GRU
// linear_before_reset (0 or 1), and constant or computed initial_h and
// initial_c are supported; the activations must be Sigmoid, Tanh or Relu.
// W, R, B and P must be constants; sequence_lens, when given, must be a
// constant equal to the sequence length for every batch entry (zkml
// unrolls the full sequence). A zero initial state costs nothing: the
// first step omits the terms it would multiply.
//
// # Evaluation
//
// [Eval] runs a loaded graph in float64 with ONNX semantics: it is zkml's
// float reference (quantize.RunFloat calls it). [EvalNode] computes one
// node; Load folds constants with it. Both share one implementation of
// every op, so folding and the reference cannot disagree.
//
// # Canonical attributes
//
// After import, each node's attributes are complete (defaults filled in)
// and independent of the opset; parameters that newer opsets pass as inputs
// have been moved into attributes and removed from Node.Inputs, so Inputs
// holds only data operands (for Gemm, Conv and the like the weights are
// constants: look them up in Graph.Constants). Axes are always positive.
// Attributes not listed here are kept as the file has them.
//
//	Gemm                alpha, beta (float); transA, transB (0 or 1)
//	Conv                kernel_shape (from the weights), strides, dilations,
//	                    pads (explicit: begins then ends, auto_pad resolved
//	                    and removed), group
//	ConvTranspose       as Conv, plus output_padding; output_shape and
//	                    auto_pad are resolved into pads
//	MaxPool             kernel_shape, strides, dilations, pads (as Conv),
//	                    ceil_mode, storage_order
//	AveragePool         kernel_shape, strides, dilations, pads (as Conv),
//	                    ceil_mode, count_include_pad
//	BatchNormalization  epsilon (float); training_mode is 0
//	Reshape             shape (ints): the final output shape, with no 0 or -1
//	                    left; allowzero is set to 1 so that re-resolving it is
//	                    a no-op. Only the data input remains.
//	Flatten             axis in [0, rank]
//	Transpose           perm (ints), filled in when the file omits it
//	Squeeze             axes (ints) sorted, each of size 1; filled in with
//	                    every size-1 axis when the file gives none
//	Unsqueeze           axes (ints) sorted, relative to the output rank
//	Concat, Gather      axis
//	Softmax, LogSoftmax axis (the opset's default filled in)
//	Elu, Celu, LeakyRelu, ThresholdedRelu
//	                    alpha (float, the default filled in)
//	Selu                alpha, gamma (float)
//	HardSigmoid         alpha, beta (float)
//	Gelu                approximate ("none" or "tanh")
//	Split               axis; split (ints): the size of every output
//	Slice               starts, ends, axes, steps (ints): one entry per input
//	                    axis, axes = 0..rank-1. Element j along axis a is
//	                    input index starts[a] + j·steps[a], for j below the
//	                    output dimension. starts are clamped into the axis;
//	                    ends are one step past the last element taken, with
//	                    INT64_MIN for "before index 0" on negative steps, so
//	                    the attributes can be fed to ONNX Slice rules again.
//	Pad                 pads (ints, 2·rank: all begins, then all ends;
//	                    negative pads crop), value (float), mode ("constant",
//	                    "reflect", "edge" or "wrap")
//	Clip                min, max (float, -Inf/+Inf when absent)
//	ReduceMean, ReduceSum, ReduceMax, ReduceMin (and the other Reduce ops)
//	                    axes (ints) sorted and explicit: all axes when the
//	                    file gives none; an empty list only when
//	                    noop_with_empty_axes = 1 (the op is then the
//	                    identity); keepdims (0 or 1); noop_with_empty_axes
//	GatherElements      axis
//	ScatterElements     axis, reduction ("none" or "add"; "mul", "max" and
//	                    "min" are rejected)
//	OneHot              axis (relative to the output's rank); depth and
//	                    values stay inputs and must be constants
//	ArgMax, ArgMin      axis (positive), keepdims (0 or 1),
//	                    select_last_index (0; 1 is rejected)
//	TopK                axis (positive), k (int, from the K input, which
//	                    must be a constant, from opset 10 on), largest,
//	                    sorted (0 or 1); outputs values and int64 indices
//	Resize, Upsample    mode "nearest" only; sizes (ints, the output shape),
//	                    scales (floats), coordinate_transformation_mode and
//	                    nearest_mode filled in ("asymmetric" and "simple"
//	                    for Resize-10 and Upsample, as ONNX Runtime); only
//	                    the data input remains
//	Expand              shape (ints): the target shape, as given (numpy
//	                    broadcasting applies). Only the data input remains.
//	Tile                repeats (ints). Only the data input remains.
//	Cast                to: the target as an int64 holding this package's
//	                    [DType] (not the ONNX type code)
//	Shape               start, end (clamped)
//	Add, Sub, Mul, Div  numpy broadcasting; the pre-opset-7 broadcast
//	                    attribute is removed
//
// # What this package is not
//
// It does not quantize (quantize/ does, plan/ has the integer executor)
// and knows nothing of circuits or proofs. It decodes only the ONNX
// messages it reads (internal/onnxpb, on google.golang.org/protobuf's
// protowire), without a generated ONNX package or its dependencies.
package onnx
