package prover

import "bytes"

// compactArrays rewrites indented JSON so that arrays of numbers sit on
// one line: a shape reads [1, 3, 28, 28] and an output of 1000 floats takes
// a few lines of a proof.json rather than a thousand. Arrays holding
// strings, objects or arrays keep one element per line. Text inside strings
// is never touched.
func compactArrays(in []byte) []byte {
	out := make([]byte, 0, len(in))
	inString := false
	for i := 0; i < len(in); i++ {
		c := in[i]
		if inString {
			out = append(out, c)
			switch c {
			case '\\':
				if i+1 < len(in) {
					i++
					out = append(out, in[i])
				}
			case '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '[':
			if end := numberArrayEnd(in, i); end > 0 {
				out = append(out, '[')
				for j, f := range bytes.Fields(bytes.ReplaceAll(in[i+1:end], []byte(","), []byte(" "))) {
					if j > 0 {
						out = append(out, ", "...)
					}
					out = append(out, f...)
				}
				out = append(out, ']')
				i = end
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// numberArrayEnd returns the index of the ']' closing the array that opens
// at in[start] if it holds only numbers, else -1.
func numberArrayEnd(in []byte, start int) int {
	for j := start + 1; j < len(in); j++ {
		switch c := in[j]; {
		case c == ']':
			return j
		case c >= '0' && c <= '9', c == '-', c == '+', c == '.', c == 'e', c == 'E', c == ',',
			c == ' ', c == '\n', c == '\t', c == '\r':
		default:
			return -1
		}
	}
	return -1
}
