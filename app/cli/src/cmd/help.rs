//! What each command says about itself: `wex <command> --help`, `wex help
//! <command>`, the one-line list `wex --help` prints, and the usage shown under a
//! usage mistake. Every command module declares a [`Help`]; nothing else holds its
//! options, so the list of valid options in an error can never go out of date.

use std::fmt::Write as _;

/// A command's help.
pub struct Help {
    pub name: &'static str,
    /// One line, for the list of commands.
    pub summary: &'static str,
    /// The arguments after `wex <name>`, one way of calling it per line.
    pub usage: &'static [&'static str],
    /// What it does, in a short paragraph.
    pub about: &'static str,
    pub options: &'static [Opt],
    /// Commands to copy, each with what it does.
    pub examples: &'static [(&'static str, &'static str)],
}

/// An option a command accepts.
pub struct Opt {
    /// The name the parser knows it by: `output`, `key`, `bundle`, `format`.
    pub key: &'static str,
    /// As shown: `-o, --output <file>`.
    pub flag: &'static str,
    pub text: &'static str,
}

const HELP_FLAG: &str = "-h, --help";

impl Help {
    /// `wex check [--format json] <folder>...`, a line per way of calling it.
    pub fn usage_lines(&self) -> String {
        self.usage.iter().map(|u| format!("  wex {} {u}\n", self.name)).collect()
    }

    /// The whole help page.
    pub fn render(&self) -> String {
        let mut out = format!("wex {}: {}\n\nUsage:\n{}\n{}\n", self.name, self.summary, self.usage_lines(), self.about);
        let width = self.options.iter().map(|o| o.flag.len()).chain([HELP_FLAG.len()]).max().unwrap_or(0);
        out.push_str("\nOptions:\n");
        for (flag, text) in self.options.iter().map(|o| (o.flag, o.text)).chain([(HELP_FLAG, "print this help")]) {
            let _ = writeln!(out, "  {flag:width$}  {text}");
        }
        out.push_str("\nExamples:\n");
        for (command, what) in self.examples {
            let _ = writeln!(out, "  {command}\n      {what}");
        }
        out
    }

    /// The message for an option this command does not take, naming those it does.
    pub fn unknown_option(&self, option: &str) -> String {
        let valid: Vec<&str> = self.options.iter().map(|o| o.flag).chain([HELP_FLAG]).collect();
        format!("`{option}` is not an option of `wex {}`; it takes {}", self.name, valid.join(", "))
    }

    pub fn accepts(&self, key: &str) -> bool {
        self.options.iter().any(|o| o.key == key)
    }
}

/// `wex --help`: every command with its summary.
pub fn overview(commands: &[&Help]) -> String {
    let width = commands.iter().map(|c| c.name.len()).max().unwrap_or(0);
    let mut out = String::from("wex: check, pack and publish Wex placement bundles.\n\nUsage: wex <command> [options]\n\nCommands:\n");
    for command in commands {
        let _ = writeln!(out, "  {:width$}  {}", command.name, command.summary);
    }
    out.push_str(
        "\nOptions:\n  -h, --help     print this help\n  -V, --version  print the version\n\n\
         `wex help <command>` or `wex <command> --help` explains a command, with examples.\n\
         docs/authoring.md explains bundles; docs/hosting.md publishing them.\n\n\
         Exit codes: 0 all good, 1 problems found, 2 could not run.\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::super::COMMANDS;

    #[test]
    fn every_command_has_usage_an_about_and_an_example_that_uses_it() {
        for help in COMMANDS {
            assert!(!help.usage.is_empty() && !help.about.is_empty() && !help.examples.is_empty(), "{}", help.name);
            for (example, _) in help.examples {
                assert!(example.starts_with(&format!("wex {} ", help.name)), "{}: {example}", help.name);
            }
            let page = help.render();
            for option in help.options {
                assert!(page.contains(option.flag), "{}: {}", help.name, option.flag);
            }
        }
    }
}
