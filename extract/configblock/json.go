package configblock

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// errTooManyNodes stops a parse that would make more than maxNodes nodes.
var errTooManyNodes = fmt.Errorf("it has more than %d keys and values", maxNodes)

// parseJSON reads strict JSON with encoding/json's token stream: linear
// in the input, where the YAML parser that also reads JSON (and its
// comments and trailing commas) slows down on a megabyte written on one
// line. The tree is the one parseYAML makes of the same text: the same
// keys, scalars and offsets (a key's or string's offset is just past its
// opening quote, as keyOffset puts it).
func parseJSON(src string) (*Node, error) {
	dec := json.NewDecoder(strings.NewReader(src))
	dec.UseNumber()
	budget := maxNodes
	// next is the offset of the next token: the decoder's position is the
	// end of the last token, before the separators and space after it
	next := func() int {
		i := int(dec.InputOffset())
		for i < len(src) {
			switch src[i] {
			case ' ', '\t', '\n', '\r', ',', ':':
				i++
				continue
			}
			break
		}
		return i
	}
	var value func(into *Node, depth int) error
	value = func(into *Node, depth int) error {
		if budget--; budget < 0 {
			return errTooManyNodes
		}
		if depth > 64 {
			into = &Node{} // read on, keep nothing deeper (as parseYAML)
		}
		start := next()
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				for dec.More() {
					at := next()
					k, err := dec.Token()
					if err != nil {
						return err
					}
					key, ok := k.(string)
					if !ok {
						return fmt.Errorf("a key at byte %d is not a string", at)
					}
					kid := &Node{Key: key, Offset: keyOffset(src, at, key), ScalarOffset: -1}
					if err := value(kid, depth+1); err != nil {
						return err
					}
					into.Kids = append(into.Kids, kid)
				}
			case '[':
				for dec.More() {
					it := &Node{Offset: -1, ScalarOffset: -1}
					if err := value(it, depth+1); err != nil {
						return err
					}
					into.Items = append(into.Items, it)
				}
			}
			_, err := dec.Token() // the closing } or ]
			return err
		case string:
			into.Scalar, into.ScalarOffset = t, keyOffset(src, start, t)
		case json.Number:
			into.Scalar, into.ScalarOffset = string(t), start
		case bool:
			into.Scalar, into.ScalarOffset = fmt.Sprint(t), start
		case nil:
			into.Scalar, into.ScalarOffset = "null", start
		}
		return nil
	}
	root := &Node{Offset: -1, ScalarOffset: -1}
	if strings.Trim(src, " \t\r\n") == "" { // JSON's white space only
		return root, nil
	}
	if err := value(root, 0); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("more than one JSON value")
	}
	return root, nil
}
