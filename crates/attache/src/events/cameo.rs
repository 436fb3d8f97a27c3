//! The CAMEO event code table: for every code its label, Goldstein value,
//! quad class and PLOVER category. (Skeleton: to be completed.)

/// What is known about one CAMEO event code.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeInfo {
    /// The code ("161").
    pub code: &'static str,
    /// Its label.
    pub label: &'static str,
    /// Goldstein conflict–cooperation value, -10 to +10.
    pub goldstein: f32,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// PLOVER event type ("REDUCE").
    pub plover: &'static str,
}

/// Looks up a CAMEO code.
pub fn lookup(_code: &str) -> Option<&'static CodeInfo> {
    None
}

/// Quad class of a CAMEO code from its root.
pub fn quad_class(code: &str) -> Option<u8> {
    let root: u8 = code.get(..2)?.parse().ok()?;
    Some(match root {
        1..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        14..=20 => 4,
        _ => return None,
    })
}
