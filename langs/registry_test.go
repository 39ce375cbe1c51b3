package langs

import (
	"testing"
)

// Every language's queries must compile against its grammar and use only
// capture names the engine knows; Compile checks both.
func TestEveryQueryCompiles(t *testing.T) {
	r, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, l := range r.langs {
		if _, err := l.Compiled(); err != nil {
			t.Error(err)
		}
	}
}

func TestEverySpecIsComplete(t *testing.T) {
	for _, s := range Specs {
		if s.Name == "" || s.Title == "" || len(s.Extensions) == 0 || s.Grammar == nil || s.Queries == "" || s.Value == nil || s.Function == nil || s.Program == nil || len(s.Needles) == 0 {
			t.Errorf("spec %q is missing a part", s.Name)
		}
		for _, ext := range s.Extensions {
			if _, ok := unindexed[ext]; ok {
				t.Errorf("%s is indexed by %s but listed as unindexed", ext, s.Name)
			}
		}
	}
}

func TestForPath(t *testing.T) {
	r, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for p, want := range map[string]string{"a/b.go": "go", "x.py": "python", "x.mjs": "javascript", "x.tsx": "typescript", "X.TS": "typescript", "src/main.rs": "rust", "x.rb": "ruby", "x.swift": ""} {
		got := ""
		if c := r.ForPath(p); c != nil {
			got = c.Spec.Name
		}
		if got != want {
			t.Errorf("ForPath(%q) = %q, want %q", p, got, want)
		}
	}
	if r.Manifest("web/package.json") == nil || r.Manifest("go.mod") == nil || r.Manifest("x.json") != nil {
		t.Error("manifests are not found by base name")
	}
}

// TestForScript: an extensionless file's language is the interpreter its
// #! line runs, through env or another launcher.
func TestForScript(t *testing.T) {
	r, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for head, want := range map[string]string{
		"#!/usr/bin/env ruby\nputs 1":                 "ruby",
		"#!/bin/bash -e\n":                            "shell",
		"#!/usr/bin/env -S node --no-warnings\n":      "javascript",
		"#!/usr/bin/python3.12\n":                     "python",
		"#!/command/with-contenv bash\nbootstrap() {": "shell",
		"#!/usr/bin/awk -f\n":                         "",
		"no shebang\n":                                "",
	} {
		got := ""
		if l := r.ForScript([]byte(head)); l != nil {
			got = l.Spec.Name
		}
		if got != want {
			t.Errorf("ForScript(%q) = %q, want %q", head, got, want)
		}
	}
}
