package onnx

// The operator table. An op with infer can remain in the graph; one without
// is folded when its inputs are constant and reported as unsupported
// otherwise. To support a new op, add its entry here (and document its
// canonical attributes in doc.go).
func init() {
	variadic := -1
	same := func(canon func(*nodeCtx) error) *opRule {
		return &opRule{minIn: 1, maxIn: 1, maxOut: 1, canon: canon, infer: inferSame, eval: evalUnary}
	}
	arith := &opRule{minIn: 2, maxIn: 2, maxOut: 1, canon: canonLegacyBroadcast, infer: inferBroadcast, eval: evalBinary}
	compare := &opRule{minIn: 2, maxIn: 2, maxOut: 1, canon: canonLegacyBroadcast, infer: inferCompare, eval: evalCompare}
	reduceOp := &opRule{minIn: 1, maxIn: 2, maxOut: 1, canon: canonReduce, infer: inferReduce, eval: evalReduce}
	foldReduce := &opRule{minIn: 1, maxIn: 2, maxOut: 1, canon: canonReduce, eval: evalReduce, math: true}
	pool := &opRule{minIn: 1, maxIn: 1, maxOut: 2, canon: canonPool, infer: inferPool, eval: evalPool}
	activation := &opRule{minIn: 1, maxIn: 1, maxOut: 1, canon: canonActivation, infer: inferSame, eval: evalActivation}
	softmax := &opRule{minIn: 1, maxIn: 1, maxOut: 1, canon: canonSoftmax, infer: inferSame, eval: evalSoftmax}

	opRules = map[string]*opRule{
		// linear algebra
		"Gemm":          {minIn: 2, maxIn: 3, maxOut: 1, canon: canonGemm, infer: inferGemm, eval: evalGemm},
		"MatMul":        {minIn: 2, maxIn: 2, maxOut: 1, infer: inferMatMul, eval: evalMatMul},
		"Conv":          {minIn: 2, maxIn: 3, maxOut: 1, canon: canonConv, infer: inferConv, eval: evalConv},
		"ConvTranspose": {minIn: 2, maxIn: 3, maxOut: 1, canon: canonConvTranspose, infer: inferConvTranspose, eval: evalConvTranspose},

		// elementwise arithmetic, comparison and logic
		"Add": arith, "Sub": arith, "Mul": arith, "Div": arith,
		"Pow":   {minIn: 2, maxIn: 2, maxOut: 1, infer: inferPow, eval: evalBinary},
		"Mod":   {minIn: 2, maxIn: 2, maxOut: 1, eval: evalBinary},
		"Sum":   {minIn: 1, maxIn: variadic, maxOut: 1, infer: inferBroadcast, eval: evalBinary},
		"Mean":  {minIn: 1, maxIn: variadic, maxOut: 1, infer: inferBroadcast, eval: evalBinary},
		"Max":   {minIn: 1, maxIn: variadic, maxOut: 1, infer: inferBroadcast, eval: evalBinary},
		"Min":   {minIn: 1, maxIn: variadic, maxOut: 1, infer: inferBroadcast, eval: evalBinary},
		"Equal": compare, "Less": compare, "LessOrEqual": compare, "Greater": compare, "GreaterOrEqual": compare,
		"And": compare, "Or": compare, "Xor": compare,
		"Not":   {minIn: 1, maxIn: 1, maxOut: 1, infer: func(c *nodeCtx) error { c.setOut(0, Bool, clone(c.shape(0))); return nil }, eval: evalUnary},
		"Where": {minIn: 3, maxIn: 3, maxOut: 1, infer: inferWhere, eval: evalWhere},

		// piecewise-linear activations
		"Relu": same(nil),
		"Neg":  same(nil),
		"Clip": {minIn: 1, maxIn: 3, maxOut: 1, canon: canonClip, infer: inferClip, eval: evalClip},

		"LeakyRelu": activation, "Abs": activation,
		"PRelu": {minIn: 2, maxIn: 2, maxOut: 1, infer: inferPRelu, eval: evalPRelu},

		// nonlinear elementwise functions (quantize/ makes lookup tables of them)
		"Sqrt": activation, "Exp": activation, "Log": activation, "Tanh": activation, "Erf": activation,
		"Sigmoid": activation, "Reciprocal": activation, "Sign": activation, "Sin": activation, "Cos": activation,
		"Tan": activation, "Asin": activation, "Acos": activation, "Atan": activation,
		"Gelu": activation, "Softplus": activation, "Softsign": activation, "Elu": activation, "Selu": activation,
		"Celu": activation, "HardSigmoid": activation, "HardSwish": activation, "Mish": activation,
		"ThresholdedRelu": activation,

		"Floor": activation, "Ceil": activation, "Round": activation,

		// row normalizations (quantize/ builds them from lookup tables)
		"Softmax": softmax, "LogSoftmax": softmax,

		// normalization and pooling
		"BatchNormalization": {minIn: 5, maxIn: 5, maxOut: 5, canon: canonBatchNorm, infer: inferBatchNorm, eval: evalBatchNorm},
		"MaxPool":            pool,
		"AveragePool":        pool,
		"GlobalAveragePool":  {minIn: 1, maxIn: 1, maxOut: 1, infer: inferGlobalPool, eval: evalGlobalPool},
		"GlobalMaxPool":      {minIn: 1, maxIn: 1, maxOut: 1, infer: inferGlobalPool, eval: evalGlobalPool},
		"ReduceMean":         reduceOp,
		"ReduceSum":          reduceOp,
		"ReduceMax":          reduceOp,
		"ReduceMin":          reduceOp,
		"ReduceProd":         foldReduce,
		"ReduceSumSquare":    foldReduce, // expanded at load time (decompose.go)
		"ReduceL1":           foldReduce,
		"ReduceL2":           foldReduce,
		"ReduceLogSumExp":    reduceOp,
		"ArgMax":             {minIn: 1, maxIn: 1, maxOut: 1, canon: canonArgMax, infer: inferArgMax, eval: evalArgMax},
		"ArgMin":             {minIn: 1, maxIn: 1, maxOut: 1, canon: canonArgMax, infer: inferArgMax, eval: evalArgMax},
		"TopK":               {minIn: 1, maxIn: 2, maxOut: 2, canon: canonTopK, infer: inferTopK, eval: evalTopK},

		// data movement
		"Identity":        {minIn: 1, maxIn: 1, maxOut: 1, infer: inferSame, eval: evalByInfer(inferSame)},
		"Dropout":         {minIn: 1, maxIn: 3, maxOut: 2, canon: canonDropout, infer: inferSame, eval: evalByInfer(inferSame)},
		"Flatten":         {minIn: 1, maxIn: 1, maxOut: 1, canon: canonFlatten, infer: inferFlatten, eval: evalByInfer(inferFlatten)},
		"Reshape":         {minIn: 1, maxIn: 2, maxOut: 1, canon: canonReshape, infer: inferReshape, eval: evalByInfer(inferReshape)},
		"Squeeze":         {minIn: 1, maxIn: 2, maxOut: 1, canon: canonSqueeze, infer: inferSqueeze, eval: evalByInfer(inferSqueeze)},
		"Unsqueeze":       {minIn: 1, maxIn: 2, maxOut: 1, canon: canonUnsqueeze, infer: inferUnsqueeze, eval: evalByInfer(inferUnsqueeze)},
		"Transpose":       {minIn: 1, maxIn: 1, maxOut: 1, canon: canonTranspose, infer: inferTranspose, eval: evalTranspose},
		"Concat":          {minIn: 1, maxIn: variadic, maxOut: 1, canon: canonConcat, infer: inferConcat, eval: evalConcat},
		"Split":           {minIn: 1, maxIn: 2, maxOut: 1 << 16, canon: canonSplit, infer: inferSplit, eval: evalSplit},
		"Slice":           {minIn: 1, maxIn: 5, maxOut: 1, canon: canonSlice, infer: inferSlice, eval: evalSlice},
		"Pad":             {minIn: 1, maxIn: 4, maxOut: 1, canon: canonPad, infer: inferPad, eval: evalPad},
		"Gather":          {minIn: 2, maxIn: 2, maxOut: 1, canon: canonGather, infer: inferGather, eval: evalGather},
		"GatherElements":  {minIn: 2, maxIn: 2, maxOut: 1, canon: canonGatherElements, infer: inferGatherElements, eval: evalGatherElements},
		"ScatterElements": {minIn: 3, maxIn: 3, maxOut: 1, canon: canonScatterElements, infer: inferScatterElements, eval: evalScatterElements},
		"OneHot":          {minIn: 3, maxIn: 3, maxOut: 1, canon: canonOneHot, infer: inferOneHot, eval: evalOneHot},
		"Expand":          {minIn: 2, maxIn: 2, maxOut: 1, canon: canonExpand, infer: inferExpand, eval: evalExpand},
		"Tile":            {minIn: 2, maxIn: 2, maxOut: 1, canon: canonTile, infer: inferTile, eval: evalTile},
		"Resize":          {minIn: 1, maxIn: 4, maxOut: 1, canon: canonResize, infer: inferResize, eval: evalResize},
		"Upsample":        {minIn: 1, maxIn: 2, maxOut: 1, canon: canonResize, infer: inferResize, eval: evalResize},
		"Cast":            {minIn: 1, maxIn: 1, maxOut: 1, canon: canonCast, infer: inferCast, eval: evalCast},

		// constants and shape computations: always folded
		"Constant":        {minIn: 0, maxIn: 0, maxOut: 1, eval: evalConstant},
		"Shape":           {minIn: 1, maxIn: 1, maxOut: 1, canon: canonShape, eval: evalShape, shapeOnly: true},
		"Size":            {minIn: 1, maxIn: 1, maxOut: 1, eval: evalSize, shapeOnly: true},
		"ConstantOfShape": {minIn: 1, maxIn: 1, maxOut: 1, eval: evalConstantOfShape},
		"Range":           {minIn: 3, maxIn: 3, maxOut: 1, eval: evalRange},
		"NonZero":         {minIn: 1, maxIn: 1, maxOut: 1, eval: evalNonZero},
	}
}
