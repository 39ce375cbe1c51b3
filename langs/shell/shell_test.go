package shell

import (
	"testing"

	"github.com/docverify/docverify/langs/langtest"
)

func TestScripts(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "env and flags", Path: "scripts/deploy.sh", Src: `#!/bin/sh
set -eu
: "${APP_PORT:=8080}"
LOCAL=1
echo "$APP_HOST $LOCAL ${APP_MODE:-live} ${APP_TOKEN:?missing} $lower $1"
for ITEM in a b; do echo "$ITEM"; done
read -r ANSWER
echo "$ANSWER"
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) DRY=1 ;;
    -v|--verbose) V=1 ;;
    --level=*) L="${1#*=}" ;;
    --*) echo "unknown" ;;
    *) break ;;
  esac
  shift
done
echo "$DRY"
# echo "$IN_COMMENT"
`, Want: `
program deploy
read env APP_HOST @APP_HOST $APP_HOST in a shell script
read env APP_MODE @APP_MODE ${APP_MODE} in a shell script
read env APP_PORT @APP_PORT ${APP_PORT} in a shell script
read env APP_TOKEN @APP_TOKEN ${APP_TOKEN} in a shell script
read flag dry-run @--dry-run case pattern in a shell script
read flag level @--level case pattern in a shell script
read flag verbose @--verbose case pattern in a shell script
`},
		// named after the command it completes, not a program of its own
		{Name: "completion script", Path: "completions-fallback/prek.bash", Src: "_comp_cmd_prek() { COMPREPLY=(); }\ncomplete -F _comp_cmd_prek prek\n", Want: ``},
	})
}
