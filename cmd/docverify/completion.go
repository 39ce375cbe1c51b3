package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/pflag"

	"github.com/docverify/docverify/verify"
)

// completionCommand prints a completion script. The scripts are built
// from the flag definitions, so a new flag completes without more work;
// every word in them is docverify's own, never text from a repository.
func completionCommand(_ context.Context, args []string, s stdio) int {
	fs, code, ok := commandFlags("completion", `completion bash|zsh|fish

Prints a shell completion script. To load it:
  bash: source <(docverify completion bash)
  zsh:  docverify completion zsh > "${fpath[1]}/_docverify"
  fish: docverify completion fish > ~/.config/fish/completions/docverify.fish`, args, s, nil)
	if !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(s.errOut, "docverify completion: name a shell: bash, zsh or fish")
		return exitError
	}
	var o options
	flags := completionFlags(checkFlags(&o))
	switch fs.Arg(0) {
	case "bash":
		bashCompletion(s.out, flags)
	case "zsh":
		zshCompletion(s.out, flags)
	case "fish":
		fishCompletion(s.out, flags)
	default:
		fmt.Fprintf(s.errOut, "docverify completion: unknown shell %q (want bash, zsh or fish)\n", fs.Arg(0))
		return exitError
	}
	return exitOK
}

// completionFlag is what a shell needs to know of a flag.
type completionFlag struct {
	long, short, usage string
	takesValue         bool
	values             []string // the fixed set of values, if any
	file, dir          bool     // the value is a file or a directory
}

func completionFlags(fs *pflag.FlagSet) []completionFlag {
	values := map[string][]string{
		"format":  formatNames,
		"fail-on": {"error", "warning", "info", "never"},
		"color":   {"auto", "always", "never"},
	}
	files := map[string]bool{"output": true, "config": true, "baseline": true, "write-baseline": true, "stdin-filename": true}
	var out []completionFlag
	fs.VisitAll(func(f *pflag.Flag) {
		usage := f.Usage
		if i := strings.IndexAny(usage, ";("); i > 0 {
			usage = strings.TrimSpace(usage[:i])
		}
		out = append(out, completionFlag{
			long: f.Name, short: f.Shorthand, usage: usage, takesValue: f.Value.Type() != "bool",
			values: values[f.Name], file: files[f.Name], dir: f.Name == "cache-dir",
		})
	})
	return out
}

func commandNames() []string {
	var out []string
	for _, c := range subcommands {
		out = append(out, c.name)
	}
	return out
}

func ruleIDs() []string {
	var out []string
	for _, r := range verify.Rules {
		out = append(out, r.ID)
	}
	sort.Strings(out)
	return out
}

func bashCompletion(w io.Writer, flags []completionFlag) {
	var all []string
	fmt.Fprint(w, "# bash completion for docverify\n_docverify() {\n  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n  case \"$prev\" in\n")
	for _, f := range flags {
		names := "--" + f.long
		all = append(all, "--"+f.long)
		if f.short != "" {
			names += "|-" + f.short
		}
		switch {
		case len(f.values) > 0:
			fmt.Fprintf(w, "    %s) COMPREPLY=($(compgen -W %q -- \"$cur\")); return;;\n", names, strings.Join(f.values, " "))
		case f.dir:
			fmt.Fprintf(w, "    %s) COMPREPLY=($(compgen -d -- \"$cur\")); return;;\n", names)
		case f.takesValue:
			fmt.Fprintf(w, "    %s) COMPREPLY=($(compgen -f -- \"$cur\")); return;;\n", names)
		}
	}
	fmt.Fprintf(w, "    explain) COMPREPLY=($(compgen -W %q -- \"$cur\")); return;;\n", strings.Join(ruleIDs(), " "))
	fmt.Fprint(w, "    completion) COMPREPLY=($(compgen -W \"bash zsh fish\" -- \"$cur\")); return;;\n  esac\n")
	fmt.Fprintf(w, "  if [[ \"$cur\" == -* ]]; then\n    COMPREPLY=($(compgen -W %q -- \"$cur\"))\n  elif [[ $COMP_CWORD -eq 1 ]]; then\n    COMPREPLY=($(compgen -W %q -- \"$cur\") $(compgen -f -- \"$cur\"))\n  else\n    COMPREPLY=($(compgen -f -- \"$cur\"))\n  fi\n}\n", strings.Join(all, " "), strings.Join(commandNames(), " "))
	fmt.Fprint(w, "complete -o filenames -F _docverify docverify\n")
}

func zshCompletion(w io.Writer, flags []completionFlag) {
	fmt.Fprint(w, "#compdef docverify\n# zsh completion for docverify\n_docverify() {\n  _arguments -s \\\n")
	for _, f := range flags {
		spec := "--" + f.long
		if f.short != "" {
			spec = fmt.Sprintf("(-%s --%s)'{-%s,--%s}'", f.short, f.long, f.short, f.long)
		}
		arg := ""
		switch {
		case len(f.values) > 0:
			arg = fmt.Sprintf(":%s:(%s)", f.long, strings.Join(f.values, " "))
		case f.dir:
			arg = fmt.Sprintf(":%s:_directories", f.long)
		case f.takesValue && (f.file || f.long == "output"):
			arg = fmt.Sprintf(":%s:_files", f.long)
		case f.takesValue:
			arg = fmt.Sprintf(":%s: ", f.long)
		}
		fmt.Fprintf(w, "    '%s[%s]%s' \\\n", spec, zshEscape(f.usage), arg)
	}
	fmt.Fprintf(w, "    '1: :{_alternative \"commands:command:(%s)\" \"files:path:_files\"}' \\\n", strings.Join(commandNames(), " "))
	fmt.Fprint(w, "    '*:path:_files'\n}\n_docverify \"$@\"\n")
}

func zshEscape(s string) string {
	return strings.NewReplacer("'", "'\\''", "[", "\\[", "]", "\\]", ":", "\\:").Replace(s)
}

func fishCompletion(w io.Writer, flags []completionFlag) {
	fmt.Fprint(w, "# fish completion for docverify\n")
	for _, c := range subcommands {
		fmt.Fprintf(w, "complete -c docverify -n __fish_use_subcommand -a %s -d %s\n", c.name, fishQuote(c.summary))
	}
	fmt.Fprintf(w, "complete -c docverify -n '__fish_seen_subcommand_from explain' -f -a %s\n", fishQuote(strings.Join(ruleIDs(), " ")))
	fmt.Fprint(w, "complete -c docverify -n '__fish_seen_subcommand_from completion' -f -a 'bash zsh fish'\n")
	for _, f := range flags {
		line := "complete -c docverify -l " + f.long
		if f.short != "" {
			line += " -s " + f.short
		}
		switch {
		case len(f.values) > 0:
			line += " -x -a " + fishQuote(strings.Join(f.values, " "))
		case f.takesValue:
			line += " -r -F"
		}
		fmt.Fprintf(w, "%s -d %s\n", line, fishQuote(f.usage))
	}
}

func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}
