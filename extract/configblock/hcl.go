package configblock

import (
	"errors"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// terraformBlocks are the block types of Terraform and OpenTofu files: a
// snippet with one at its top is Terraform's configuration, whatever
// project documents it, and holds no key of that project's.
var terraformBlocks = map[string]bool{"resource": true, "data": true, "provider": true, "module": true, "variable": true,
	"output": true, "locals": true, "terraform": true, "moved": true, "import": true, "check": true}

// ErrTerraform is a snippet of Terraform configuration.
var ErrTerraform = errors.New("Terraform configuration")

// parseHCL reads HCL (Nomad, Consul, Vault, Packer, Boundary agent
// files): an attribute is a key, a block a section (telemetry {
// public_allocation_metrics = true } is telemetry.public_allocation_metrics).
// A block's labels are names the user picks (job "web", group "cache"):
// they become keys in quotes, which claims skip as the user's.
func parseHCL(src string) (*Node, error) {
	file, diags := hclsyntax.ParseConfig([]byte(src), "snippet.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		return nil, errors.New(diags.Errs()[0].Error())
	}
	body, ok := file.Body.(*hclsyntax.Body)
	if !ok {
		return nil, errors.New("not HCL native syntax")
	}
	for _, b := range body.Blocks {
		if terraformBlocks[b.Type] {
			return nil, ErrTerraform
		}
	}
	root := &Node{Offset: -1, ScalarOffset: -1}
	hclBody(root, body, 0)
	return root, nil
}

func hclBody(n *Node, body *hclsyntax.Body, depth int) {
	if depth > 32 {
		return
	}
	for _, a := range body.Attributes {
		k := &Node{Key: a.Name, Offset: a.NameRange.Start.Byte, ScalarOffset: -1}
		if obj, ok := a.Expr.(*hclsyntax.ObjectConsExpr); ok {
			hclObject(k, obj, depth+1)
		} else {
			k.Scalar, k.ScalarOffset = "", a.Expr.Range().Start.Byte
		}
		n.Kids = append(n.Kids, k)
	}
	for _, b := range body.Blocks {
		k := &Node{Key: b.Type, Offset: b.TypeRange.Start.Byte, ScalarOffset: -1}
		n.Kids = append(n.Kids, k)
		inner := k
		for i, label := range b.Labels {
			l := &Node{Key: strconv.Quote(label), Offset: b.LabelRanges[i].Start.Byte, ScalarOffset: -1}
			inner.Kids = append(inner.Kids, l)
			inner = l
		}
		hclBody(inner, b.Body, depth+1)
	}
}

// hclObject reads an attribute's object value (tags = { env = "prod" }):
// its keys are the user's map, so they are quoted like labels.
func hclObject(n *Node, obj *hclsyntax.ObjectConsExpr, depth int) {
	if depth > 32 {
		return
	}
	for _, item := range obj.Items {
		name := hcl.ExprAsKeyword(item.KeyExpr)
		if name == "" {
			continue
		}
		n.Kids = append(n.Kids, &Node{Key: strconv.Quote(name), Offset: item.KeyExpr.Range().Start.Byte, ScalarOffset: -1})
	}
}
