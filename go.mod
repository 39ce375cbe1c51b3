module github.com/docverify/docverify

go 1.26.8

require (
	github.com/agnivade/levenshtein v1.2.2
	github.com/pelletier/go-toml/v2 v2.4.3
	github.com/yuin/goldmark v1.8.7
	gopkg.in/yaml.v3 v3.0.1
	mvdan.cc/sh/v3 v3.14.1
)

require github.com/smacker/go-tree-sitter v0.0.0-20240827094217-dd81d9e9be82
