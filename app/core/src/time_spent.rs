//! How long a learner really spent on a placement, for the certificate and the
//! credential ("about 4 hours of virtual work experience"), worked out from the
//! times of their own records so anyone can work it out again from the attempt log.
//!
//! Each gap between one action and the next counts, up to [`IDLE_AFTER_MS`]: past
//! that the learner was away (a break, the lid closed, the next lesson), so the rest
//! of the gap is left out. Several sessions simply add up. The gaps are taken in the
//! order the records were made, and a gap that runs backwards (a shared laptop whose
//! clock was put back) counts as nothing, so a wrong clock can only ever lower the
//! figure, never raise it.

use crate::progress::Record;
use crate::words::capitalised;

/// Five minutes: longer than any step needs between two actions of its own (a long
/// page is read, then "Next"), short enough that a break does not count.
pub const IDLE_AFTER_MS: u64 = 5 * 60 * 1000;

/// The time spent, in milliseconds, over `records` in the order they were made.
/// The certificate's own records are not part of the placement's work.
pub fn time_spent_ms(records: &[Record]) -> u64 {
    let times: Vec<u64> = records.iter().filter(|r| !r.item.is_certificate()).map(|r| r.at_ms).collect();
    times.windows(2).map(|pair| pair[1].saturating_sub(pair[0]).min(IDLE_AFTER_MS)).sum()
}

/// A length of time as an admissions tutor would read it: "about 25 minutes" under
/// an hour (to the nearest 5 minutes), then to the nearest half hour: "about 1
/// hour", "about 3 and a half hours".
pub fn about(ms: u64) -> String {
    let minutes = (ms + 30_000) / 60_000;
    if minutes < 58 {
        let five = ((minutes + 2) / 5 * 5).max(5);
        return format!("about {five} minutes");
    }
    let halves = (minutes + 15) / 30;
    match (halves / 2, halves % 2) {
        (1, 0) => "about 1 hour".into(),
        (1, _) => "about 1 and a half hours".into(),
        (h, 0) => format!("about {h} hours"),
        (h, _) => format!("about {h} and a half hours"),
    }
}

/// An ISO 8601 duration to the minute (`PT3H25M`), as the credential states it.
pub fn iso_duration(ms: u64) -> String {
    let minutes = ms / 60_000;
    format!("PT{}H{}M", minutes / 60, minutes % 60)
}

/// Reads back what [`iso_duration`] writes (`PT3H25M`), in milliseconds.
pub fn from_iso_duration(text: &str) -> Option<u64> {
    let (hours, minutes) = text.strip_prefix("PT")?.strip_suffix('M')?.split_once('H')?;
    Some((hours.parse::<u64>().ok()? * 60 + minutes.parse::<u64>().ok()?) * 60_000)
}

/// The certificate's line on time: what the learner spent, and the placement's
/// planned length ("About 3 and a half hours of virtual work experience (planned:
/// about 4 hours)"). A certificate from before the time was recorded states only
/// the planned length.
pub fn certificate_line(planned_minutes: u32, spent_ms: Option<u64>) -> String {
    let planned = about(u64::from(planned_minutes) * 60_000);
    match spent_ms {
        Some(spent) => format!("{} of virtual work experience (planned: {planned})", capitalised(&about(spent))),
        None => format!("{} of virtual work experience planned", capitalised(&planned)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{Action, ItemId};

    const MIN: u64 = 60_000;

    fn at(ms: u64) -> Record {
        Record { bundle: "p".into(), item: ItemId::step("m", "s"), at_ms: ms, action: Action::Visit }
    }

    #[test]
    fn gaps_count_up_to_five_minutes_and_sessions_add_up() {
        // 2 + 4 minutes of work, a 40-minute break (5 counted), then 3 minutes the next day.
        let day = 24 * 60 * MIN;
        let records = [at(0), at(2 * MIN), at(6 * MIN), at(46 * MIN), at(day), at(day + 3 * MIN)];
        assert_eq!(time_spent_ms(&records), (2 + 4 + 5 + 5 + 3) * MIN);
        assert_eq!(time_spent_ms(&records[..1]), 0, "one action is no time");
        assert_eq!(time_spent_ms(&[]), 0);
    }

    #[test]
    fn a_clock_put_back_never_adds_time() {
        // The laptop's clock jumps back an hour between the second and third actions.
        let records = [at(100 * MIN), at(102 * MIN), at(40 * MIN), at(43 * MIN)];
        assert_eq!(time_spent_ms(&records), 2 * MIN + 3 * MIN);
        // And forward a day: counted as a break.
        let records = [at(0), at(MIN), at(MIN + 24 * 60 * MIN), at(2 * MIN + 24 * 60 * MIN)];
        assert_eq!(time_spent_ms(&records), MIN + 5 * MIN + MIN);
    }

    #[test]
    fn the_certificate_is_not_time_spent() {
        let certified = Record { item: ItemId::certificate(), at_ms: 4 * MIN, action: Action::Certified { credential: "{}".into() }, ..at(0) };
        assert_eq!(time_spent_ms(&[at(0), at(MIN), certified]), MIN);
    }

    #[test]
    fn said_as_people_say_it() {
        assert_eq!(about(0), "about 5 minutes");
        assert_eq!(about(23 * MIN), "about 25 minutes");
        assert_eq!(about(57 * MIN), "about 55 minutes");
        assert_eq!(about(58 * MIN), "about 1 hour");
        assert_eq!(about(100 * MIN), "about 1 and a half hours");
        assert_eq!(about(4 * 60 * MIN + 10 * MIN), "about 4 hours");
        assert_eq!(about(3 * 60 * MIN + 25 * MIN), "about 3 and a half hours");
        assert_eq!(iso_duration(3 * 60 * MIN + 25 * MIN + 59_000), "PT3H25M");
        assert_eq!(from_iso_duration("PT3H25M"), Some((3 * 60 + 25) * MIN));
        assert_eq!(from_iso_duration("3 hours"), None);
        assert_eq!(certificate_line(240, Some(205 * MIN)), "About 3 and a half hours of virtual work experience (planned: about 4 hours)");
        assert_eq!(certificate_line(30, None), "About 30 minutes of virtual work experience planned");
    }
}
