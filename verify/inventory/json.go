package inventory

import (
	"encoding/json"
	"io"
)

// JSON writes the inventory as one JSON object (see Inventory).
func JSON(w io.Writer, inv Inventory) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Version int `json:"version"`
		Inventory
	}{1, inv})
}
