//! Printing diagnostics and errors to the terminal.

use std::io::IsTerminal;
use wex_core::Diagnostic;

/// Prints diagnostics to stderr, coloured when stderr is a terminal (and NO_COLOR
/// is not set), and a closing count line.
pub fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for diagnostic in diagnostics {
        let text = diagnostic.render();
        if colour {
            eprintln!("{}", paint(&text));
        } else {
            eprintln!("{text}");
        }
    }
}

fn paint(text: &str) -> String {
    let mut lines = text.lines();
    let Some(first) = lines.next() else { return String::new() };
    let head = if first.starts_with("error") { "\x1b[1;31m" } else { "\x1b[1;33m" };
    let mut out = match first.split_once(':') {
        Some((level, rest)) => format!("{head}{level}\x1b[0m\x1b[1m:{rest}\x1b[0m\n"),
        None => format!("{first}\n"),
    };
    for line in lines {
        let marker = line.trim_start().starts_with("-->") || line.trim_start().starts_with('|') || line.trim_end().ends_with('^');
        if marker || line.trim_start().starts_with('=') {
            out.push_str(&format!("\x1b[1;34m{line}\x1b[0m\n"));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
