//! Counts, sizes and dates in plain English, for messages the CLI and the app both
//! write.

/// "1 error", "2 errors".
pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// `text` with its first letter a capital: "Not a zip file" from "not a zip file".
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A whole number with commas between thousands: "50,000".
pub fn number(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A length of time as people say it: "35 minutes", "1 hour 10 minutes", "2 hours".
pub fn duration(minutes: u32) -> String {
    let (hours, rest) = ((minutes / 60) as usize, (minutes % 60) as usize);
    match (hours, rest) {
        (0, m) => plural(m, "minute"),
        (h, 0) => plural(h, "hour"),
        (h, m) => format!("{} {}", plural(h, "hour"), plural(m, "minute")),
    }
}

/// A size in bytes as people say it: "0.4 MB", "12.3 MB", "200 MB", "1.5 GB",
/// rounded to one decimal place, with a ".0" left off. Whole-number arithmetic,
/// so the learner's app needs no float formatting (docs/size.md).
pub fn file_size(bytes: u64) -> String {
    let (unit, name) = if bytes >= 1_000_000_000 { (1_000_000_000, "GB") } else { (1_000_000, "MB") };
    let tenths = bytes.saturating_add(unit / 20) / (unit / 10);
    match tenths % 10 {
        0 => format!("{} {name}", tenths / 10),
        d => format!("{}.{d} {name}", tenths / 10),
    }
}

/// A date as people write it, "18 December 2026", from an ISO date
/// ("2026-12-18") or the start of an ISO timestamp ("2026-12-18T09:30:00Z").
/// Anything else comes back as it was, so nothing is ever hidden.
pub fn long_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let ymd = iso.get(..10).filter(|_| iso.len() == 10 || iso[10..].starts_with('T')).unwrap_or(iso);
    let mut parts = ymd.split('-').map(|p| p.parse::<usize>().ok());
    match (parts.next().flatten(), parts.next().flatten(), parts.next().flatten(), parts.next()) {
        (Some(y), Some(m @ 1..=12), Some(d @ 1..=31), None) => format!("{d} {} {y}", MONTHS[m - 1]),
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_have_commas_between_thousands() {
        let shown: Vec<String> = [0, 7, 999, 1000, 50_000, 1_234_567].into_iter().map(super::number).collect();
        assert_eq!(shown, ["0", "7", "999", "1,000", "50,000", "1,234,567"]);
    }

    #[test]
    fn capitals() {
        assert_eq!(super::capitalised("about 4 hours"), "About 4 hours");
        assert_eq!(super::capitalised("ériger"), "Ériger");
        assert_eq!(super::capitalised(""), "");
    }

    #[test]
    fn one_and_many() {
        assert_eq!(super::plural(1, "node"), "1 node");
        assert_eq!(super::plural(0, "ending"), "0 endings");
        assert_eq!(super::plural(12, "file"), "12 files");
    }

    #[test]
    fn file_sizes() {
        use super::file_size;
        assert_eq!(file_size(0), "0 MB");
        assert_eq!(file_size(400_000), "0.4 MB");
        assert_eq!(file_size(12_345_678), "12.3 MB");
        assert_eq!(file_size(12_350_000), "12.4 MB");
        assert_eq!(file_size(200_000_000), "200 MB");
        assert_eq!(file_size(999_999_999), "1000 MB");
        assert_eq!(file_size(1_500_000_000), "1.5 GB");
        assert_eq!(file_size(u64::MAX), "18446744073.7 GB");
    }

    #[test]
    fn long_dates() {
        use super::long_date;
        assert_eq!(long_date("2026-12-18"), "18 December 2026");
        assert_eq!(long_date("2026-01-05T09:30:00Z"), "5 January 2026");
        assert_eq!(long_date("2026-11-25T23:59:59.123+01:00"), "25 November 2026");
        // Not a date: shown as it came.
        assert_eq!(long_date("2026-13-01"), "2026-13-01");
        assert_eq!(long_date("2026-12-00"), "2026-12-00");
        assert_eq!(long_date("2026-12-18-extra"), "2026-12-18-extra");
        assert_eq!(long_date("soon"), "soon");
        assert_eq!(long_date(""), "");
    }

    #[test]
    fn durations() {
        use super::duration;
        assert_eq!(duration(0), "0 minutes");
        assert_eq!(duration(1), "1 minute");
        assert_eq!(duration(35), "35 minutes");
        assert_eq!(duration(60), "1 hour");
        assert_eq!(duration(70), "1 hour 10 minutes");
        assert_eq!(duration(121), "2 hours 1 minute");
    }
}
