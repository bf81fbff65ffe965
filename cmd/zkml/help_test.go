package main

import (
	"flag"
	"io"
	"strings"
	"testing"
)

// TestHelpExamples parses every example of every command's help: the
// command exists, its flags parse (each one of the command's, with a value
// of the right type where it takes one), and the number of arguments is
// what the command takes.
func TestHelpExamples(t *testing.T) {
	app := newApp(io.Discard, io.Discard)
	for _, cmd := range app.Commands {
		examples := helpExamples(cmd.Description)
		if len(examples) == 0 {
			t.Errorf("%s: no example in its help", cmd.Name)
		}
		for _, ex := range examples {
			args := strings.Fields(ex)
			c := app.Command(args[1])
			if c == nil {
				t.Errorf("%s: example %q: no command %s", cmd.Name, ex, args[1])
				continue
			}
			// Parsed as run parses it: flags moved before the arguments,
			// then the command's own flag set (its subcommand's, for
			// zkml ceremony init ...).
			reordered := reorderArgs(app, args)[2:]
			if len(c.Subcommands) > 0 && len(reordered) > 0 {
				if sub := c.Command(reordered[0]); sub != nil {
					c, reordered = sub, reordered[1:]
				}
			}
			fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			for _, f := range c.Flags {
				if err := f.Apply(fs); err != nil {
					t.Fatal(err)
				}
			}
			if err := fs.Parse(reordered); err != nil {
				t.Errorf("%s: example %q: %v", cmd.Name, ex, err)
				continue
			}
			lo, hi := argCount(c.ArgsUsage)
			if n := fs.NArg(); n < lo || n > hi {
				t.Errorf("%s: example %q: %d argument(s), %s takes %q", cmd.Name, ex, n, c.Name, c.ArgsUsage)
			}
		}
	}
}

// helpExamples returns the zkml command lines of a help text: lines that
// start with "zkml " or hold "$(zkml ...)", without trailing comments,
// "&& ...", or "&".
func helpExamples(help string) []string {
	var out []string
	for _, line := range strings.Split(help, "\n") {
		line = strings.TrimSpace(line)
		if i := strings.Index(line, "$(zkml "); i >= 0 {
			line = line[i+2:]
			line, _, _ = strings.Cut(line, ")")
		}
		if !strings.HasPrefix(line, "zkml ") {
			continue
		}
		line, _, _ = strings.Cut(line, "#")
		line, _, _ = strings.Cut(line, "&&")
		line = strings.TrimSuffix(strings.TrimSpace(line), "&")
		out = append(out, strings.TrimSpace(line))
	}
	return out
}

// argCount is the range of positional arguments an ArgsUsage allows; a
// word with "..." repeats.
func argCount(usage string) (lo, hi int) {
	for _, w := range strings.Fields(usage) {
		if strings.Contains(w, "...") {
			hi = 1 << 30
			continue
		}
		if strings.HasPrefix(w, "[") {
			hi++
			continue
		}
		lo++
		hi++
	}
	return lo, hi
}

// TestOneName checks that an error names its file once.
func TestOneName(t *testing.T) {
	for in, want := range map[string]string{
		"ed.json: ed.json: not a JSON object":      "ed.json: not a JSON object",
		"ed.json: read ed.json: is a directory":    "ed.json: is a directory",
		"ed.json: open ed.json: permission denied": "ed.json: permission denied",
		"ed.json: input 0 has 2 values":            "ed.json: input 0 has 2 values",
		"open ed.json: no such file or directory":  "open ed.json: no such file or directory",
		"a: b: a: c": "a: b: a: c",
		"no colon":   "no colon",
	} {
		if got := oneName(in); got != want {
			t.Errorf("oneName(%q) = %q, want %q", in, got, want)
		}
	}
}
