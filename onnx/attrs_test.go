package onnx

import (
	"fmt"
	"math"
	"reflect"
	"testing"

	ob "github.com/zkml/zkml/internal/onnxbuild"
)

// param is a constant input of the node under test: an int64 tensor when
// ints is set, else float32. A param with an empty name is an omitted input.
type param struct {
	name   string
	shape  []int64
	ints   []int64
	floats []float32
}

func ip(name string, v ...int64) param {
	return param{name: name, shape: []int64{int64(len(v))}, ints: v}
}
func fp(name string, shape []int64, v ...float32) param {
	return param{name: name, shape: shape, floats: v}
}
func scalar(name string, v float32) param {
	return param{name: name, shape: []int64{}, floats: []float32{v}}
}

var omitted = param{}

// opCase is one node applied to a float input "x" and constant parameters.
type opCase struct {
	opset  int64
	op     string
	x      []int64
	params []param
	attrs  []ob.Attr
	nOut   int // outputs y0, y1, ...; 0 means one output "y"
}

func (oc opCase) outputs() []string {
	if oc.nOut == 0 {
		return []string{"y"}
	}
	out := make([]string, oc.nOut)
	for i := range out {
		out[i] = fmt.Sprintf("y%d", i)
	}
	return out
}

// model builds the case; with xConst, x is an initializer with data too.
func (oc opCase) model(xConst bool) *ob.Model {
	m := ob.NewModel("case", oc.opset)
	if xConst {
		n := 1
		for _, d := range oc.x {
			n *= int(d)
		}
		data := make([]float32, n)
		for i := range data {
			data[i] = float32((i*7)%11) - 4.5
		}
		m.Floats("x", oc.x, data)
		m.Input("unused", ob.Float, 1) // a graph needs something to compute from
	} else {
		m.Input("x", ob.Float, oc.x...)
	}
	inputs := []string{"x"}
	for _, p := range oc.params {
		inputs = append(inputs, p.name)
		switch {
		case p.name == "":
		case p.ints != nil:
			m.Ints(p.name, p.shape, p.ints)
		default:
			m.Floats(p.name, p.shape, p.floats)
		}
	}
	m.Node(oc.op, inputs, oc.outputs(), oc.attrs...)
	for _, o := range oc.outputs() {
		m.Output(o, ob.Float)
		m.Proto().Graph.Output[len(m.Proto().Graph.Output)-1].Type.GetTensorType().ElemType = 0 // no declared type
	}
	return m
}

// run imports the dynamic version and returns its single node.
func (oc opCase) run(t *testing.T) (*Graph, *Node) {
	t.Helper()
	g, err := Parse(oc.model(false).Bytes(), "model.onnx", nil)
	if err != nil {
		t.Fatalf("%s opset %d: %v", oc.op, oc.opset, err)
	}
	if err := checkGraph(g); err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) != 1 {
		t.Fatalf("%s: %d nodes remain, want 1", oc.op, len(g.Nodes))
	}
	return g, g.Nodes[0]
}

func (oc opCase) fails(t *testing.T, fragments ...string) {
	t.Helper()
	wantErr(t, oc.model(false).Bytes(), append([]string{"(" + oc.op + ")"}, fragments...)...)
}

type attrWant map[string]any

func checkAttrs(t *testing.T, n *Node, want attrWant) {
	t.Helper()
	for name, w := range want {
		a, ok := n.Attrs[name]
		if !ok {
			t.Errorf("%s: attribute %s missing", n.Describe(), name)
			continue
		}
		var got any
		switch a.Kind {
		case AttrInt:
			got = a.Int
		case AttrInts:
			got = a.Ints
		case AttrFloat:
			got = a.Float
		case AttrString:
			got = a.String
		default:
			got = a
		}
		if wi, ok := w.(int); ok {
			w = int64(wi)
		}
		if gi, ok := got.([]int64); ok && len(gi) == 0 && len(w.([]int64)) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("%s: attribute %s = %v, want %v", n.Describe(), name, got, w)
		}
	}
}

func i64(v ...int64) []int64 { return v }

func TestCanonicalAttributes(t *testing.T) {
	inf := math.Inf(1)
	for _, tc := range []struct {
		name   string
		oc     opCase
		attrs  attrWant
		inputs int   // inputs left on the node
		out    []int // output shape of "y"
	}{
		{"Reshape opset 13", opCase{opset: 13, op: "Reshape", x: i64(2, 3, 4), params: []param{ip("s", 0, -1)}},
			attrWant{"shape": i64(2, 12), "allowzero": 1}, 1, []int{2, 12}},
		{"Reshape opset 4", opCase{opset: 4, op: "Reshape", x: i64(2, 3, 4), attrs: []ob.Attr{ob.Ints("shape", -1, 4)}},
			attrWant{"shape": i64(6, 4)}, 1, []int{6, 4}},
		{"Slice opset 9", opCase{opset: 9, op: "Slice", x: i64(2, 5), attrs: []ob.Attr{ob.Ints("starts", 1), ob.Ints("ends", 1000), ob.Ints("axes", -1)}},
			attrWant{"starts": i64(0, 1), "ends": i64(2, 5), "axes": i64(0, 1), "steps": i64(1, 1)}, 1, []int{2, 4}},
		{"Slice opset 13 reversed", opCase{opset: 13, op: "Slice", x: i64(2, 5), params: []param{ip("b", -1), ip("e", math.MinInt64), ip("a", 1), ip("s", -1)}},
			attrWant{"starts": i64(0, 4), "ends": i64(2, math.MinInt64), "axes": i64(0, 1), "steps": i64(1, -1)}, 1, []int{2, 5}},
		{"Slice opset 13 step 2", opCase{opset: 13, op: "Slice", x: i64(5), params: []param{ip("b", 0), ip("e", 5), omitted, ip("s", 2)}},
			attrWant{"starts": i64(0), "ends": i64(5), "steps": i64(2)}, 1, []int{3}},
		{"Slice opset 10 defaults", opCase{opset: 10, op: "Slice", x: i64(4, 4), params: []param{ip("b", 1), ip("e", -1)}},
			attrWant{"starts": i64(1, 0), "ends": i64(3, 4), "axes": i64(0, 1), "steps": i64(1, 1)}, 1, []int{2, 4}},
		{"Squeeze opset 11", opCase{opset: 11, op: "Squeeze", x: i64(2, 1), attrs: []ob.Attr{ob.Ints("axes", -1)}},
			attrWant{"axes": i64(1)}, 1, []int{2}},
		{"Squeeze opset 13 all", opCase{opset: 13, op: "Squeeze", x: i64(1, 2, 1)},
			attrWant{"axes": i64(0, 2)}, 1, []int{2}},
		{"Squeeze opset 13 input", opCase{opset: 13, op: "Squeeze", x: i64(1, 2, 1), params: []param{ip("a", -1)}},
			attrWant{"axes": i64(2)}, 1, []int{1, 2}},
		{"Unsqueeze opset 11", opCase{opset: 11, op: "Unsqueeze", x: i64(2), attrs: []ob.Attr{ob.Ints("axes", -1, 0)}},
			attrWant{"axes": i64(0, 2)}, 1, []int{1, 2, 1}},
		{"Unsqueeze opset 13", opCase{opset: 13, op: "Unsqueeze", x: i64(2, 3), params: []param{ip("a", 1)}},
			attrWant{"axes": i64(1)}, 1, []int{2, 1, 3}},
		{"Pad opset 1", opCase{opset: 1, op: "Pad", x: i64(2), attrs: []ob.Attr{ob.Ints("paddings", 1, 2)}},
			attrWant{"pads": i64(1, 2), "value": 0.0, "mode": "constant"}, 1, []int{5}},
		{"Pad opset 2", opCase{opset: 2, op: "Pad", x: i64(2, 3), attrs: []ob.Attr{ob.Ints("pads", 0, 1, 0, 1), ob.FloatAttr("value", 1.5), ob.String("mode", "reflect")}},
			attrWant{"pads": i64(0, 1, 0, 1), "value": 1.5, "mode": "reflect"}, 1, []int{2, 5}},
		{"Pad opset 11", opCase{opset: 11, op: "Pad", x: i64(2, 3), params: []param{ip("p", 0, 1, 0, 2), scalar("v", 2)}},
			attrWant{"pads": i64(0, 1, 0, 2), "value": 2.0, "mode": "constant"}, 1, []int{2, 6}},
		{"Pad opset 18 axes", opCase{opset: 18, op: "Pad", x: i64(2, 3), params: []param{ip("p", 1, 2), omitted, ip("a", -1)}, attrs: []ob.Attr{ob.String("mode", "edge")}},
			attrWant{"pads": i64(0, 1, 0, 2), "value": 0.0, "mode": "edge"}, 1, []int{2, 6}},
		{"Pad crop", opCase{opset: 13, op: "Pad", x: i64(4), params: []param{ip("p", -1, -2)}},
			attrWant{"pads": i64(-1, -2)}, 1, []int{1}},
		{"Clip opset 6", opCase{opset: 6, op: "Clip", x: i64(3), attrs: []ob.Attr{ob.FloatAttr("min", 0), ob.FloatAttr("max", 6)}},
			attrWant{"min": 0.0, "max": 6.0}, 1, []int{3}},
		{"Clip opset 11 none", opCase{opset: 11, op: "Clip", x: i64(3)},
			attrWant{"min": -inf, "max": inf}, 1, []int{3}},
		{"Clip opset 13 min", opCase{opset: 13, op: "Clip", x: i64(3), params: []param{scalar("lo", -1)}},
			attrWant{"min": -1.0, "max": inf}, 1, []int{3}},
		{"Clip opset 13 max", opCase{opset: 13, op: "Clip", x: i64(3), params: []param{omitted, scalar("hi", 2)}},
			attrWant{"min": -inf, "max": 2.0}, 1, []int{3}},
		{"ReduceMean opset 13", opCase{opset: 13, op: "ReduceMean", x: i64(2, 3), attrs: []ob.Attr{ob.Ints("axes", -1)}},
			attrWant{"axes": i64(1), "keepdims": 1, "noop_with_empty_axes": 0}, 1, []int{2, 1}},
		{"ReduceMean opset 18", opCase{opset: 18, op: "ReduceMean", x: i64(2, 3), params: []param{ip("a", 0)}, attrs: []ob.Attr{ob.Int("keepdims", 0)}},
			attrWant{"axes": i64(0), "keepdims": 0}, 1, []int{3}},
		{"ReduceMean all", opCase{opset: 11, op: "ReduceMean", x: i64(2, 3)},
			attrWant{"axes": i64(0, 1), "keepdims": 1}, 1, []int{1, 1}},
		{"ReduceSum opset 11", opCase{opset: 11, op: "ReduceSum", x: i64(2, 3), attrs: []ob.Attr{ob.Ints("axes", 1, 0), ob.Int("keepdims", 0)}},
			attrWant{"axes": i64(0, 1)}, 1, []int{}},
		{"ReduceSum opset 13 input", opCase{opset: 13, op: "ReduceSum", x: i64(2, 3), params: []param{ip("a", -2)}},
			attrWant{"axes": i64(0)}, 1, []int{1, 3}},
		{"ReduceSum opset 13 all", opCase{opset: 13, op: "ReduceSum", x: i64(2, 3)},
			attrWant{"axes": i64(0, 1)}, 1, []int{1, 1}},
		{"ReduceSum noop", opCase{opset: 13, op: "ReduceSum", x: i64(2, 3), attrs: []ob.Attr{ob.Int("noop_with_empty_axes", 1)}},
			attrWant{"axes": i64(), "noop_with_empty_axes": 1}, 1, []int{2, 3}},
		{"ReduceMax", opCase{opset: 13, op: "ReduceMax", x: i64(2, 3, 4), attrs: []ob.Attr{ob.Ints("axes", 2, 0)}},
			attrWant{"axes": i64(0, 2)}, 1, []int{1, 3, 1}},
		{"Transpose default", opCase{opset: 13, op: "Transpose", x: i64(2, 3, 4)},
			attrWant{"perm": i64(2, 1, 0)}, 1, []int{4, 3, 2}},
		{"Transpose perm", opCase{opset: 13, op: "Transpose", x: i64(2, 3, 4), attrs: []ob.Attr{ob.Ints("perm", 0, 2, 1)}},
			attrWant{"perm": i64(0, 2, 1)}, 1, []int{2, 4, 3}},
		{"Concat", opCase{opset: 13, op: "Concat", x: i64(2, 3), params: []param{fp("c", i64(2, 1), 1, 2)}, attrs: []ob.Attr{ob.Int("axis", -1)}},
			attrWant{"axis": 1}, 2, []int{2, 4}},
		{"Gather", opCase{opset: 13, op: "Gather", x: i64(2, 3), params: []param{ip("i", 0, 2)}, attrs: []ob.Attr{ob.Int("axis", -1)}},
			attrWant{"axis": 1}, 2, []int{2, 2}},
		{"Gather scalar index", opCase{opset: 13, op: "Gather", x: i64(2, 3), params: []param{{name: "i", shape: i64(), ints: i64(-1)}}},
			attrWant{"axis": 0}, 2, []int{3}},
		{"Flatten", opCase{opset: 13, op: "Flatten", x: i64(2, 3, 4), attrs: []ob.Attr{ob.Int("axis", -1)}},
			attrWant{"axis": 2}, 1, []int{6, 4}},
		{"Flatten 0", opCase{opset: 13, op: "Flatten", x: i64(2, 3, 4), attrs: []ob.Attr{ob.Int("axis", 0)}},
			attrWant{"axis": 0}, 1, []int{1, 24}},
		{"Flatten default", opCase{opset: 13, op: "Flatten", x: i64(2, 3, 4)},
			attrWant{"axis": 1}, 1, []int{2, 12}},
		{"Gemm defaults", opCase{opset: 13, op: "Gemm", x: i64(2, 3), params: []param{fp("w", i64(3, 4), make([]float32, 12)...)}},
			attrWant{"alpha": 1.0, "beta": 1.0, "transA": 0, "transB": 0}, 2, []int{2, 4}},
		{"Gemm transA", opCase{opset: 13, op: "Gemm", x: i64(3, 2), params: []param{fp("w", i64(4, 3), make([]float32, 12)...), fp("c", i64(4), 1, 2, 3, 4)},
			attrs: []ob.Attr{ob.Int("transA", 1), ob.Int("transB", 1), ob.FloatAttr("alpha", 2)}},
			attrWant{"alpha": 2.0, "transA": 1, "transB": 1}, 3, []int{2, 4}},
		{"Conv defaults", opCase{opset: 13, op: "Conv", x: i64(1, 2, 5, 5), params: []param{fp("w", i64(4, 2, 3, 3), make([]float32, 72)...)}},
			attrWant{"kernel_shape": i64(3, 3), "strides": i64(1, 1), "dilations": i64(1, 1), "pads": i64(0, 0, 0, 0), "group": 1}, 2, []int{1, 4, 3, 3}},
		{"Conv SAME_UPPER", opCase{opset: 13, op: "Conv", x: i64(1, 2, 5, 5), params: []param{fp("w", i64(4, 2, 2, 2), make([]float32, 32)...)},
			attrs: []ob.Attr{ob.String("auto_pad", "SAME_UPPER"), ob.Ints("strides", 2, 2)}},
			attrWant{"pads": i64(0, 0, 1, 1), "strides": i64(2, 2)}, 2, []int{1, 4, 3, 3}},
		{"Conv SAME_LOWER", opCase{opset: 13, op: "Conv", x: i64(1, 2, 5, 5), params: []param{fp("w", i64(4, 2, 2, 2), make([]float32, 32)...)},
			attrs: []ob.Attr{ob.String("auto_pad", "SAME_LOWER"), ob.Ints("strides", 2, 2)}},
			attrWant{"pads": i64(1, 1, 0, 0)}, 2, []int{1, 4, 3, 3}},
		{"Conv VALID", opCase{opset: 13, op: "Conv", x: i64(1, 2, 5, 5), params: []param{fp("w", i64(4, 2, 3, 3), make([]float32, 72)...)},
			attrs: []ob.Attr{ob.String("auto_pad", "VALID"), ob.Ints("strides", 2, 2)}},
			attrWant{"pads": i64(0, 0, 0, 0)}, 2, []int{1, 4, 2, 2}},
		{"Conv 1-D grouped bias dilated", opCase{opset: 13, op: "Conv", x: i64(1, 4, 9), params: []param{fp("w", i64(4, 1, 3), make([]float32, 12)...), fp("b", i64(4), 1, 2, 3, 4)},
			attrs: []ob.Attr{ob.Int("group", 4), ob.Ints("dilations", 2), ob.Ints("pads", 1, 1)}},
			attrWant{"group": 4, "dilations": i64(2), "pads": i64(1, 1), "kernel_shape": i64(3)}, 3, []int{1, 4, 7}},
		{"ConvTranspose", opCase{opset: 13, op: "ConvTranspose", x: i64(1, 2, 3, 3), params: []param{fp("w", i64(2, 3, 3, 3), make([]float32, 54)...)},
			attrs: []ob.Attr{ob.Ints("strides", 2, 2), ob.Ints("pads", 1, 1, 1, 1), ob.Ints("output_padding", 1, 1)}},
			attrWant{"kernel_shape": i64(3, 3), "output_padding": i64(1, 1), "group": 1}, 2, []int{1, 3, 6, 6}},
		{"ConvTranspose output_shape", opCase{opset: 13, op: "ConvTranspose", x: i64(1, 2, 3, 3), params: []param{fp("w", i64(2, 3, 3, 3), make([]float32, 54)...)},
			attrs: []ob.Attr{ob.Ints("strides", 2, 2), ob.Ints("output_shape", 6, 6)}},
			attrWant{"pads": i64(1, 1, 0, 0)}, 2, []int{1, 3, 6, 6}}, // NOTSET puts the odd pad first, as ONNX Runtime does
		{"MaxPool ceil", opCase{opset: 13, op: "MaxPool", x: i64(1, 1, 5, 5), attrs: []ob.Attr{ob.Ints("kernel_shape", 2, 2), ob.Ints("strides", 2, 2), ob.Int("ceil_mode", 1)}},
			attrWant{"ceil_mode": 1, "pads": i64(0, 0, 0, 0), "dilations": i64(1, 1), "storage_order": 0}, 1, []int{1, 1, 3, 3}},
		{"MaxPool floor", opCase{opset: 13, op: "MaxPool", x: i64(1, 1, 5, 5), attrs: []ob.Attr{ob.Ints("kernel_shape", 2, 2), ob.Ints("strides", 2, 2)}},
			attrWant{"ceil_mode": 0}, 1, []int{1, 1, 2, 2}},
		{"MaxPool ceil window past the end", opCase{opset: 13, op: "MaxPool", x: i64(1, 1, 4), attrs: []ob.Attr{ob.Ints("kernel_shape", 2), ob.Ints("strides", 3), ob.Ints("pads", 1, 1), ob.Int("ceil_mode", 1)}},
			attrWant{"ceil_mode": 1}, 1, []int{1, 1, 2}},
		{"AveragePool", opCase{opset: 11, op: "AveragePool", x: i64(1, 3, 4, 4), attrs: []ob.Attr{ob.Ints("kernel_shape", 3, 3), ob.String("auto_pad", "SAME_UPPER")}},
			attrWant{"count_include_pad": 0, "pads": i64(1, 1, 1, 1), "strides": i64(1, 1)}, 1, []int{1, 3, 4, 4}},
		{"GlobalAveragePool", opCase{opset: 13, op: "GlobalAveragePool", x: i64(1, 3, 4, 4)},
			attrWant{}, 1, []int{1, 3, 1, 1}},
		{"BatchNormalization", opCase{opset: 13, op: "BatchNormalization", x: i64(1, 2, 3), params: []param{fp("s", i64(2), 1, 1), fp("b", i64(2), 0, 0), fp("m", i64(2), 0, 0), fp("v", i64(2), 1, 1)}},
			attrWant{"epsilon": 1e-5}, 5, []int{1, 2, 3}},
		{"Cast", opCase{opset: 13, op: "Cast", x: i64(3), attrs: []ob.Attr{ob.Int("to", 7)}},
			attrWant{"to": int64(Int64)}, 1, []int{3}},
		{"Expand", opCase{opset: 13, op: "Expand", x: i64(3), params: []param{ip("s", 2, 1, 1)}},
			attrWant{"shape": i64(2, 1, 1)}, 1, []int{2, 1, 3}},
		{"Tile", opCase{opset: 13, op: "Tile", x: i64(2, 3), params: []param{ip("r", 2, 1)}},
			attrWant{"repeats": i64(2, 1)}, 1, []int{4, 3}},
		{"Add legacy", opCase{opset: 6, op: "Add", x: i64(2, 3), params: []param{fp("c", i64(3), 1, 2, 3)}, attrs: []ob.Attr{ob.Int("broadcast", 1)}},
			attrWant{}, 2, []int{2, 3}},
		{"Where", opCase{opset: 13, op: "Where", x: i64(2, 3), params: []param{fp("c", i64(3), 1, 2, 3), fp("o", i64(2, 1), 0, 1)}},
			attrWant{}, 3, []int{2, 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, n := tc.oc.run(t)
			checkAttrs(t, n, tc.attrs)
			if len(n.Inputs) != tc.inputs {
				t.Errorf("inputs %v, want %d", n.Inputs, tc.inputs)
			}
			if got := g.Values["y"].Shape; !sameShape(got, tc.out) {
				t.Errorf("output shape %v, want %v", got, tc.out)
			}
			if _, ok := n.Attrs["auto_pad"]; ok {
				t.Errorf("auto_pad left in %v", n.Attrs)
			}
		})
	}
}

func TestCanonicalSplit(t *testing.T) {
	for _, tc := range []struct {
		name  string
		oc    opCase
		split []int64
	}{
		{"opset 11 attr", opCase{opset: 11, op: "Split", x: i64(2, 3), nOut: 2, attrs: []ob.Attr{ob.Int("axis", -1), ob.Ints("split", 1, 2)}}, i64(1, 2)},
		{"opset 13 input", opCase{opset: 13, op: "Split", x: i64(2, 3), nOut: 2, params: []param{ip("s", 2, 1)}, attrs: []ob.Attr{ob.Int("axis", 1)}}, i64(2, 1)},
		{"opset 13 equal", opCase{opset: 13, op: "Split", x: i64(4, 3), nOut: 2}, i64(2, 2)},
		{"opset 18 num_outputs", opCase{opset: 18, op: "Split", x: i64(7), nOut: 3, attrs: []ob.Attr{ob.Int("num_outputs", 3)}}, i64(3, 3, 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := Parse(tc.oc.model(false).Bytes(), "model.onnx", nil)
			if err != nil {
				t.Fatal(err)
			}
			n := g.Nodes[0]
			checkAttrs(t, n, attrWant{"split": tc.split})
			a := int(n.Int("axis", -1))
			for i, s := range tc.split {
				if got := g.Values[n.Outputs[i]].Shape[a]; got != int(s) {
					t.Errorf("output %d has %d along axis %d, want %d", i, got, a, s)
				}
			}
		})
	}
	opCase{opset: 13, op: "Split", x: i64(5), nOut: 2}.fails(t, "equal parts")
	opCase{opset: 13, op: "Split", x: i64(5), nOut: 2, params: []param{ip("s", 2, 2)}}.fails(t, "adds up to 4")
}

func TestCanonicalErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		oc   opCase
		frag []string
	}{
		{"squeeze non-1", opCase{opset: 13, op: "Squeeze", x: i64(2, 3), params: []param{ip("a", 0)}}, []string{"size is not 1"}},
		{"unsqueeze dup", opCase{opset: 13, op: "Unsqueeze", x: i64(2), params: []param{ip("a", 0, -3)}}, []string{"twice"}},
		{"unsqueeze missing", opCase{opset: 13, op: "Unsqueeze", x: i64(2)}, []string{"axes are missing"}},
		{"reduce axis range", opCase{opset: 13, op: "ReduceMean", x: i64(2), attrs: []ob.Attr{ob.Ints("axes", 1)}}, []string{"out of range"}},
		{"transpose perm", opCase{opset: 13, op: "Transpose", x: i64(2, 3), attrs: []ob.Attr{ob.Ints("perm", 0, 0)}}, []string{"not a permutation"}},
		{"concat axis", opCase{opset: 13, op: "Concat", x: i64(2), params: []param{fp("c", i64(1), 1)}, attrs: []ob.Attr{ob.Int("axis", 1)}}, []string{"axis 1 is out of range"}},
		{"concat no axis", opCase{opset: 13, op: "Concat", x: i64(2), params: []param{fp("c", i64(1), 1)}}, []string{`"axis" is missing`}},
		{"gather range", opCase{opset: 13, op: "Gather", x: i64(2), params: []param{ip("i", 2)}}, []string{"index 2 is out of range"}},
		{"gather float indices", opCase{opset: 13, op: "Gather", x: i64(2), params: []param{fp("i", i64(1), 0)}}, []string{"must be integers", "not float32"}},
		{"slice step 0", opCase{opset: 13, op: "Slice", x: i64(2), params: []param{ip("b", 0), ip("e", 1), omitted, ip("s", 0)}}, []string{"step on axis 0 is 0"}},
		{"slice dynamic", opCase{opset: 13, op: "Slice", x: i64(2), params: []param{omitted}}, []string{"starts input is missing"}},
		{"pad mode", opCase{opset: 13, op: "Pad", x: i64(2), params: []param{ip("p", 1, 1)}, attrs: []ob.Attr{ob.String("mode", "mirror")}}, []string{`mode "mirror"`}},
		{"pad length", opCase{opset: 13, op: "Pad", x: i64(2), params: []param{ip("p", 1)}}, []string{"want 2×rank = 2"}},
		{"pad crop", opCase{opset: 13, op: "Pad", x: i64(2), params: []param{ip("p", -2, -1)}}, []string{"remove more"}},
		{"clip vector", opCase{opset: 13, op: "Clip", x: i64(2), params: []param{fp("lo", i64(2), 0, 0)}}, []string{"min input has 2 elements"}},
		{"clip order", opCase{opset: 13, op: "Clip", x: i64(2), params: []param{scalar("lo", 1), scalar("hi", 0)}}, []string{"min is larger than max"}},
		{"reshape size", opCase{opset: 13, op: "Reshape", x: i64(2, 3), params: []param{ip("s", 4)}}, []string{"cannot reshape"}},
		{"reshape float shape", opCase{opset: 13, op: "Reshape", x: i64(2, 3), params: []param{fp("s", i64(1), 6)}}, []string{"integer tensor"}},
		{"conv kernel", opCase{opset: 13, op: "Conv", x: i64(1, 2, 5, 5), params: []param{fp("w", i64(4, 2, 3, 3), make([]float32, 72)...)}, attrs: []ob.Attr{ob.Ints("kernel_shape", 2, 2)}}, []string{"kernel_shape [2 2] does not match"}},
		{"conv channels", opCase{opset: 13, op: "Conv", x: i64(1, 3, 5, 5), params: []param{fp("w", i64(4, 2, 3, 3), make([]float32, 72)...)}}, []string{"3 channels", "expects 2"}},
		{"conv rank", opCase{opset: 13, op: "Conv", x: i64(1, 2), params: []param{fp("w", i64(4, 2), make([]float32, 8)...)}}, []string{"spatial"}},
		{"conv auto_pad", opCase{opset: 13, op: "Conv", x: i64(1, 2, 5), params: []param{fp("w", i64(4, 2, 3), make([]float32, 24)...)}, attrs: []ob.Attr{ob.String("auto_pad", "BOGUS")}}, []string{`auto_pad "BOGUS"`}},
		{"conv strides", opCase{opset: 13, op: "Conv", x: i64(1, 2, 5), params: []param{fp("w", i64(4, 2, 3), make([]float32, 24)...)}, attrs: []ob.Attr{ob.Ints("strides", 0)}}, []string{"strides [0]"}},
		{"conv pads length", opCase{opset: 13, op: "Conv", x: i64(1, 2, 5), params: []param{fp("w", i64(4, 2, 3), make([]float32, 24)...)}, attrs: []ob.Attr{ob.Ints("pads", 1)}}, []string{"pads [1]"}},
		{"conv too small", opCase{opset: 13, op: "Conv", x: i64(1, 2, 2), params: []param{fp("w", i64(4, 2, 3), make([]float32, 24)...)}}, []string{"larger than the padded input"}},
		{"pool kernel", opCase{opset: 13, op: "MaxPool", x: i64(1, 1, 4, 4), attrs: []ob.Attr{ob.Ints("kernel_shape", 2)}}, []string{"kernel_shape [2]"}},
		{"pool dilations opset 8", opCase{opset: 8, op: "MaxPool", x: i64(1, 1, 4), attrs: []ob.Attr{ob.Ints("kernel_shape", 2), ob.Ints("dilations", 2)}}, []string{"dilations"}},
		{"bn training", opCase{opset: 14, op: "BatchNormalization", x: i64(1, 2), params: []param{fp("s", i64(2), 1, 1), fp("b", i64(2), 0, 0), fp("m", i64(2), 0, 0), fp("v", i64(2), 1, 1)}, attrs: []ob.Attr{ob.Int("training_mode", 1)}}, []string{"training_mode=1", "model.eval()"}},
		{"bn params", opCase{opset: 13, op: "BatchNormalization", x: i64(1, 3), params: []param{fp("s", i64(2), 1, 1), fp("b", i64(2), 0, 0), fp("m", i64(2), 0, 0), fp("v", i64(2), 1, 1)}}, []string{`parameter "s" has shape [2]`}},
		{"cast string", opCase{opset: 13, op: "Cast", x: i64(2), attrs: []ob.Attr{ob.Int("to", 8)}}, []string{"to=8", "string"}},
		{"cast missing", opCase{opset: 13, op: "Cast", x: i64(2)}, []string{`"to" is missing`}},
		{"dropout training", opCase{opset: 13, op: "Dropout", x: i64(2), params: []param{scalar("r", 0.5), {name: "tm", shape: i64(), ints: i64(1)}}}, []string{"training_mode is true"}},
		{"dropout mask", opCase{opset: 13, op: "Dropout", x: i64(2), nOut: 2}, []string{"output 1"}},
		{"maxpool indices", opCase{opset: 13, op: "MaxPool", x: i64(1, 1, 4), nOut: 2, attrs: []ob.Attr{ob.Ints("kernel_shape", 2)}}, []string{"output 1"}},
		{"legacy broadcast axis", opCase{opset: 6, op: "Mul", x: i64(2, 3), params: []param{fp("c", i64(2), 1, 2)}, attrs: []ob.Attr{ob.Int("broadcast", 1), ob.Int("axis", 0)}}, []string{"legacy broadcasting"}},
		{"broadcast", opCase{opset: 13, op: "Add", x: i64(2, 3), params: []param{fp("c", i64(2), 1, 2)}}, []string{"do not broadcast"}},
		{"matmul", opCase{opset: 13, op: "MatMul", x: i64(2, 3), params: []param{fp("w", i64(2, 2), 1, 2, 3, 4)}}, []string{"inner dimensions differ"}},
		{"expand", opCase{opset: 13, op: "Expand", x: i64(3), params: []param{ip("s", 2)}}, []string{"do not broadcast"}},
		{"tile", opCase{opset: 13, op: "Tile", x: i64(3), params: []param{ip("r", 1, 1)}}, []string{"repeats [1 1]"}},
		{"split outputs", opCase{opset: 13, op: "Split", x: i64(4), nOut: 2, params: []param{ip("s", 4)}}, []string{"1 entries for 2 outputs"}},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.oc.fails(t, tc.frag...) })
	}
	wantErr(t, opCase{opset: 13, op: "ReduceProd", x: i64(4)}.model(false).Bytes(), `unsupported ops: ReduceProd (1, node "ReduceProd_0")`)
}

// TestInferMatchesEval imports each case twice, once with x a graph input
// (shape inference) and once with x a constant (folding), and checks that
// both give the same output shapes and dtypes.
func TestInferMatchesEval(t *testing.T) {
	cases := []opCase{
		{opset: 13, op: "Gemm", x: i64(3, 2), params: []param{fp("w", i64(4, 3), make([]float32, 12)...), fp("c", i64(1, 4), 1, 2, 3, 4)}, attrs: []ob.Attr{ob.Int("transA", 1), ob.Int("transB", 1)}},
		{opset: 13, op: "MatMul", x: i64(2, 1, 2, 3), params: []param{fp("w", i64(3, 2), 1, 2, 3, 4, 5, 6)}},
		{opset: 13, op: "MatMul", x: i64(3), params: []param{fp("w", i64(2, 3, 2), make([]float32, 12)...)}},
		{opset: 13, op: "MatMul", x: i64(2, 3), params: []param{fp("w", i64(3), 1, 2, 3)}},
		{opset: 13, op: "MatMul", x: i64(3), params: []param{fp("w", i64(3), 1, 2, 3)}},
		{opset: 13, op: "Conv", x: i64(1, 2, 5, 5), params: []param{fp("w", i64(4, 2, 2, 2), make([]float32, 32)...), fp("b", i64(4), 1, 2, 3, 4)}, attrs: []ob.Attr{ob.String("auto_pad", "SAME_LOWER"), ob.Ints("strides", 2, 2)}},
		{opset: 13, op: "Conv", x: i64(1, 4, 9), params: []param{fp("w", i64(4, 2, 3), make([]float32, 24)...)}, attrs: []ob.Attr{ob.Int("group", 2), ob.Ints("dilations", 2)}},
		{opset: 13, op: "ConvTranspose", x: i64(1, 2, 3, 3), params: []param{fp("w", i64(2, 3, 3, 3), make([]float32, 54)...)}, attrs: []ob.Attr{ob.Ints("strides", 2, 2), ob.Ints("pads", 1, 1, 1, 1), ob.Ints("output_padding", 1, 1)}},
		{opset: 13, op: "MaxPool", x: i64(1, 1, 5, 5), attrs: []ob.Attr{ob.Ints("kernel_shape", 2, 2), ob.Ints("strides", 2, 2), ob.Int("ceil_mode", 1)}},
		{opset: 13, op: "AveragePool", x: i64(1, 2, 4, 4), attrs: []ob.Attr{ob.Ints("kernel_shape", 3, 3), ob.Ints("pads", 1, 1, 1, 1), ob.Int("count_include_pad", 1)}},
		{opset: 13, op: "GlobalMaxPool", x: i64(1, 3, 2, 2)},
		{opset: 13, op: "GlobalAveragePool", x: i64(1, 3, 2, 2)},
		{opset: 13, op: "BatchNormalization", x: i64(1, 2, 3), params: []param{fp("s", i64(2), 1, 2), fp("b", i64(2), 0, 1), fp("m", i64(2), 0, 1), fp("v", i64(2), 1, 4)}},
		{opset: 13, op: "ReduceMean", x: i64(2, 3, 4), attrs: []ob.Attr{ob.Ints("axes", 1), ob.Int("keepdims", 0)}},
		{opset: 13, op: "ReduceSum", x: i64(2, 3, 4), params: []param{ip("a", 0, 2)}},
		{opset: 13, op: "ReduceMax", x: i64(2, 3)},
		{opset: 13, op: "ReduceMin", x: i64(2, 3), attrs: []ob.Attr{ob.Int("keepdims", 0)}},
		{opset: 13, op: "Flatten", x: i64(2, 3, 4), attrs: []ob.Attr{ob.Int("axis", 2)}},
		{opset: 13, op: "Reshape", x: i64(2, 3, 4), params: []param{ip("s", 0, -1)}},
		{opset: 13, op: "Transpose", x: i64(2, 3, 4), attrs: []ob.Attr{ob.Ints("perm", 1, 2, 0)}},
		{opset: 13, op: "Squeeze", x: i64(1, 3, 1)},
		{opset: 13, op: "Unsqueeze", x: i64(3), params: []param{ip("a", 0, 2)}},
		{opset: 13, op: "Concat", x: i64(2, 3), params: []param{fp("c", i64(2, 1), 1, 2)}, attrs: []ob.Attr{ob.Int("axis", 1)}},
		{opset: 13, op: "Split", x: i64(2, 5), nOut: 2, params: []param{ip("s", 2, 3)}, attrs: []ob.Attr{ob.Int("axis", 1)}},
		{opset: 13, op: "Slice", x: i64(4, 5), params: []param{ip("b", -1, 1), ip("e", math.MinInt64, 100), ip("a", 0, 1), ip("s", -2, 3)}},
		{opset: 13, op: "Pad", x: i64(2, 3), params: []param{ip("p", 1, -1, 2, 3)}, attrs: []ob.Attr{ob.String("mode", "reflect")}},
		{opset: 13, op: "Gather", x: i64(3, 4), params: []param{{name: "i", shape: i64(2, 2), ints: i64(0, -1, 1, 2)}}, attrs: []ob.Attr{ob.Int("axis", 0)}},
		{opset: 13, op: "Expand", x: i64(3, 1), params: []param{ip("s", 2, 1, 4)}},
		{opset: 13, op: "Tile", x: i64(2, 3), params: []param{ip("r", 2, 2)}},
		{opset: 13, op: "Cast", x: i64(2, 3), attrs: []ob.Attr{ob.Int("to", 6)}},
		{opset: 13, op: "Add", x: i64(2, 3), params: []param{fp("c", i64(3), 1, 2, 3)}},
		{opset: 13, op: "Sub", x: i64(2, 1), params: []param{fp("c", i64(3), 1, 2, 3)}},
		{opset: 13, op: "Mul", x: i64(2, 3), params: []param{scalar("c", 2)}},
		{opset: 13, op: "Div", x: i64(2, 3), params: []param{scalar("c", 2)}},
		{opset: 13, op: "Sum", x: i64(2, 3), params: []param{scalar("c", 2), fp("d", i64(3), 1, 2, 3)}},
		{opset: 13, op: "Max", x: i64(2, 3), params: []param{scalar("c", 0)}},
		{opset: 13, op: "Mean", x: i64(2, 3), params: []param{scalar("c", 0)}},
		{opset: 13, op: "Equal", x: i64(2, 3), params: []param{scalar("c", 0.5)}},
		{opset: 13, op: "Less", x: i64(2, 3), params: []param{scalar("c", 0.5)}},
		{opset: 13, op: "Where", x: i64(2, 3), params: []param{fp("c", i64(3), 1, 2, 3), fp("o", i64(2, 1), 0, 1)}},
		{opset: 13, op: "Relu", x: i64(2, 3)},
		{opset: 13, op: "Neg", x: i64(2, 3)},
		{opset: 13, op: "Clip", x: i64(2, 3), params: []param{scalar("lo", -1), scalar("hi", 1)}},
		{opset: 13, op: "Identity", x: i64(2, 3)},
	}
	for _, oc := range cases {
		t.Run(oc.op, func(t *testing.T) {
			dyn, err := Parse(oc.model(false).Bytes(), "dynamic.onnx", nil)
			if err != nil {
				t.Fatal(err)
			}
			con, err := Parse(oc.model(true).Bytes(), "constant.onnx", nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(con.Nodes) != 0 {
				t.Errorf("constant version kept %d nodes", len(con.Nodes))
			}
			for _, o := range oc.outputs() {
				v, ok := dyn.Values[o]
				c := con.Constants[o]
				if !ok || c == nil {
					t.Fatalf("output %s: value %v, constant %v", o, ok, c)
				}
				if !sameShape(v.Shape, c.Shape) || v.DType != c.DType {
					t.Errorf("output %s: inferred %s %v, folded %s %v", o, v.DType, v.Shape, c.DType, c.Shape)
				}
				if c.Len() != len(c.Float)+len(c.Int) {
					t.Errorf("output %s: %d elements for shape %v", o, len(c.Float)+len(c.Int), c.Shape)
				}
			}
		})
	}
}
