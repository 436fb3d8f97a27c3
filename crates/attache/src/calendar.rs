//! Month and weekday names, read in one place for every stage (dates, the
//! cleaner's date lines, quotation time phrases, capitalised non-names).

/// Full month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Weekday names, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The month (1–12) a word names, in any case: the full name or the usual
/// abbreviation with or without its period ("Jan", "Sept.", "oct").
pub fn month_number(w: &str) -> Option<u32> {
    let w = w.strip_suffix('.').unwrap_or(w);
    if w.len() < 3 || !w.is_ascii() {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(w)
                || ((w.len() == 3 || w.eq_ignore_ascii_case("sept"))
                    && m.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w)))
        })
        .map(|i| i as u32 + 1)
}

/// The month a word names in full ("May", "june"), not abbreviated.
pub fn full_month(w: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(w))
        .map(|i| i as u32 + 1)
}

/// The weekday (0 = Monday) a word names in full, in any case.
pub fn weekday_index(w: &str) -> Option<usize> {
    WEEKDAYS.iter().position(|d| d.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_table() {
        let cases = [
            ("January", Some(1)),
            ("jan", Some(1)),
            ("Jan.", Some(1)),
            ("Sept.", Some(9)),
            ("sep", Some(9)),
            ("MAY", Some(5)),
            ("december", Some(12)),
            ("Ju", None),
            ("Janu", None),
            ("Mayor", None),
            ("Marching", None),
            ("", None),
            ("é", None),
        ];
        for (w, want) in cases {
            assert_eq!(month_number(w), want, "{w}");
        }
        assert_eq!(full_month("May"), Some(5));
        assert_eq!(full_month("Jan"), None);
        assert_eq!(weekday_index("sunday"), Some(6));
        assert_eq!(weekday_index("Sun"), None);
    }
}
