//! The order a learner sees a question's options in: shuffled, so that the right
//! answer's position gives nothing away, but the same every time for that learner
//! and that question, on any device, without storing anything.
//!
//! The order is worked out from ids alone (the learner's, and the question's place
//! in the bundle), so a reload, a second device with the learner's progress file,
//! and the tutor's copy all agree. Scoring never sees it: answers are recorded by
//! each option's index in the bundle, not by where it was shown.

/// The order to show `len` options in: `order[k]` is the index (in the bundle) of
/// the option shown `k`-th. `keep` (the author's `keep-order = true`) keeps the
/// order as written, for scales and "All of the above".
///
/// `seed` names the learner and the question, for example
/// `"4f2a…/hospice-placement/welcome/values-quiz/six-cs"`.
pub fn order(seed: &str, len: usize, keep: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    if keep || len < 2 {
        return order;
    }
    let mut state = fnv1a(seed.as_bytes());
    // Fisher-Yates, drawing from SplitMix64: small, fast and well mixed, which is
    // all a display order needs (nothing here is secret).
    for i in (1..len).rev() {
        let j = (next(&mut state) % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

/// The seed for one question (or one list of options) of one learner.
pub fn seed(learner: &str, bundle: &str, item: &crate::progress::ItemId, part: &str) -> String {
    format!("{learner}/{bundle}/{item}/{part}")
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use crate::progress::ItemId;
    use super::*;

    #[test]
    fn an_order_is_a_permutation_and_the_same_every_time() {
        for len in 0..12 {
            let first = order("sam/b/m/s/q", len, false);
            let mut sorted = first.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..len).collect::<Vec<_>>(), "every option shown once");
            assert_eq!(order("sam/b/m/s/q", len, false), first, "stable for the same learner and question");
        }
    }

    #[test]
    fn an_author_can_keep_the_written_order() {
        assert_eq!(order("sam/b/m/s/q", 5, true), vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn the_right_answer_is_not_always_first() {
        // Over many learners, the option written first (often the right one) is
        // shown in every position, about equally often.
        let mut shown_at = [0u32; 4];
        for learner in 0..4000 {
            let o = order(&seed(&format!("learner-{learner}"), "b", &ItemId::step("m", "s"), "q"), 4, false);
            shown_at[o.iter().position(|&i| i == 0).unwrap()] += 1;
        }
        for count in shown_at {
            assert!((850..1150).contains(&count), "{shown_at:?}");
        }
    }

    #[test]
    fn two_learners_mostly_see_different_orders() {
        let same = (0..100).filter(|q| order(&seed("sam", "b", &ItemId::step("m", "s"), &q.to_string()), 5, false) == order(&seed("maya", "b", &ItemId::step("m", "s"), &q.to_string()), 5, false)).count();
        assert!(same < 10, "{same} of 100 questions in the same order");
    }
}
