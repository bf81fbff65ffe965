package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// reorderArgs moves every flag of a command in front of its positional
// arguments. urfave/cli v2 stops parsing flags at the first positional
// argument, so `zkml verify build/ proof.json --json` would otherwise treat
// --json as a file name. Flags given before the command name
// (`zkml --json verify ...`) are moved after it, since every flag is defined
// on the commands. A "--" ends flag processing, as usual.
func reorderArgs(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	rest := args[1:]
	// Find the command name: the first argument that is neither a flag nor
	// the value of a flag that takes one (in any command).
	anyTakesValue := map[string]bool{}
	for _, c := range app.Commands {
		for n, v := range valueFlags(c) {
			anyTakesValue[n] = anyTakesValue[n] || v
		}
	}
	var pre []string
	cmdIdx := -1
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		if a == "--" {
			break
		}
		if !strings.HasPrefix(a, "-") {
			cmdIdx = i
			break
		}
		pre = append(pre, a)
		if name := strings.TrimLeft(a, "-"); !strings.Contains(name, "=") && anyTakesValue[name] && i+1 < len(rest) {
			pre = append(pre, rest[i+1])
			i++
		}
	}
	if cmdIdx < 0 {
		return args
	}
	cmd := app.Command(rest[cmdIdx])
	if cmd == nil {
		return args
	}
	out := []string{args[0], rest[cmdIdx]}
	tail := rest[cmdIdx+1:]
	// A command with subcommands (zkml ceremony init ...): the
	// subcommand's flags go after its name.
	if len(cmd.Subcommands) > 0 && len(tail) > 0 {
		if sub := cmd.Command(tail[0]); sub != nil {
			cmd, tail = sub, tail[1:]
			out = append(out, sub.Name)
		}
	}
	takesValue := valueFlags(cmd)
	var flags, positional []string
	for i := 0; i < len(tail); i++ {
		a := tail[i]
		if a == "--" {
			positional = append(positional, tail[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			positional = append(positional, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if takesValue[name] && i+1 < len(tail) {
			flags = append(flags, tail[i+1])
			i++
		}
	}
	out = append(out, pre...)
	out = append(out, flags...)
	if len(positional) > 0 {
		out = append(out, "--")
		out = append(out, positional...)
	}
	return out
}

// valueFlags maps each flag name of a command to whether it takes a value.
func valueFlags(cmd *cli.Command) map[string]bool {
	m := map[string]bool{}
	for _, f := range cmd.Flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			m[n] = !isBool
		}
	}
	return m
}
