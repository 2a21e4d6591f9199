package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// completionShells are the shells renovate completion writes scripts for.
func completionShells() []string { return []string{"bash", "zsh", "fish", "powershell"} }

// NewCmdCompletion builds `renovate completion`.
func NewCmdCompletion(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print a shell completion script",
		Long: `Prints a script that completes renovate's commands and flags in the given
shell, including the names of the environments in renovate.hcl for --env.
Load it in the current shell, or install it once as shown below.

bash needs the bash-completion package; zsh needs "autoload -U compinit;
compinit" in ~/.zshrc.`,
		Example: `  source <(renovate completion bash)                         # bash, this shell
  renovate completion bash > /etc/bash_completion.d/renovate  # bash, every shell
  renovate completion zsh > "${fpath[1]}/_renovate"           # zsh
  renovate completion fish > ~/.config/fish/completions/renovate.fish
  renovate completion powershell | Out-String | Invoke-Expression`,
		ValidArgs: completionShells(),
		Args: func(c *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErrorf("%s needs one shell: %s", c.CommandPath(), strings.Join(completionShells(), ", "))
			}
			if !slices.Contains(completionShells(), args[0]) {
				return usageErrorf("unknown shell %q: renovate completes %s", args[0], strings.Join(completionShells(), ", "))
			}
			return nil
		},
		DisableFlagsInUseLine: true,
		RunE: func(c *cobra.Command, args []string) error {
			root, out := c.Root(), f.IO.Out
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(out, true)
			case "zsh":
				return root.GenZshCompletion(out)
			case "fish":
				return root.GenFishCompletion(out, true)
			default:
				return root.GenPowerShellCompletionWithDesc(out)
			}
		},
	}
}
