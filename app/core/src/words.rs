//! Counts in plain English, for messages the CLI and the app both write.

/// "1 error", "2 errors".
pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_and_many() {
        assert_eq!(super::plural(1, "node"), "1 node");
        assert_eq!(super::plural(0, "ending"), "0 endings");
        assert_eq!(super::plural(12, "file"), "12 files");
    }
}
