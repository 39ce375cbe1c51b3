package typescript

import (
	"testing"

	"github.com/docverify/docverify/langs/javascript/jscases"
	"github.com/docverify/docverify/langs/langtest"
)

func TestJavaScriptCasesHold(t *testing.T) {
	langtest.Run(t, Spec, jscases.Cases)
	langtest.Run(t, TSXSpec, jscases.Cases)
}

func TestTypeScriptSyntax(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "typed wrappers and assertions", Src: `export function requireEnv(name: string, fallback?: string): string {
  const v = process.env[name];
  if (!v) throw new Error(name);
  return v;
}
const port = process.env.FEED_PORT as string;
const url = process.env["FEED_URL"]!;
const flag = requireEnv("FEED_REQUIRED");
`, Want: `
wrapper env requireEnv#0 *
read env FEED_PORT @FEED_PORT process.env
read env FEED_URL @FEED_URL process.env
`},
	})
	langtest.Run(t, TSXSpec, []langtest.Case{
		{Name: "jsx", Src: `export const Banner = () => <div>{process.env.NEXT_PUBLIC_BANNER}</div>;`, Want: `read env NEXT_PUBLIC_BANNER @NEXT_PUBLIC_BANNER process.env`},
	})
}
