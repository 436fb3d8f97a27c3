//! Line handling shared by every PETRARCH/TABARI dictionary reader: comments
//! (`#` outside brackets, `<!-- … -->` blocks), phrase words and diagnostics.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem with one dictionary line: the reader kept going without it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The dictionary file.
    pub file: PathBuf,
    /// 1-based line number.
    pub line: usize,
    /// What was wrong, lower case, no final period.
    pub reason: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.reason)
    }
}

/// Collects diagnostics for one file.
#[derive(Debug)]
pub struct Diagnostics<'a> {
    file: &'a Path,
    /// Diagnostics so far.
    pub list: &'a mut Vec<Diagnostic>,
}

impl<'a> Diagnostics<'a> {
    /// Diagnostics for `file`, appended to `list`.
    pub fn new(file: &'a Path, list: &'a mut Vec<Diagnostic>) -> Self {
        Diagnostics { file, list }
    }
    /// Records a problem at `line`.
    pub fn push(&mut self, line: usize, reason: impl Into<String>) {
        self.list.push(Diagnostic {
            file: self.file.to_path_buf(),
            line,
            reason: reason.into(),
        });
    }
}

/// Iterates over the meaningful lines of a dictionary: `(line number, text)`
/// with comments removed and trailing blanks trimmed; leading whitespace is
/// kept because it marks code lines in actor files. Blank lines are skipped.
pub fn lines(text: &str) -> impl Iterator<Item = (usize, String)> + '_ {
    let mut in_comment = false;
    text.lines().enumerate().filter_map(move |(i, raw)| {
        let mut line = raw;
        if in_comment {
            match line.find("-->") {
                Some(p) => {
                    in_comment = false;
                    line = &line[p + 3..];
                }
                None => return None,
            }
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with("<!") {
            if !trimmed.contains("-->") {
                in_comment = true;
            }
            return None;
        }
        let cleaned = strip_hash_comment(line).trim_end().to_string();
        if cleaned.trim().is_empty() {
            None
        } else {
            Some((i + 1, cleaned))
        }
    })
}

/// Removes a `#` comment that is not inside square brackets (`[###]` is a code).
pub fn strip_hash_comment(line: &str) -> &str {
    let mut depth = 0usize;
    for (i, c) in line.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '#' if depth == 0 => return &line[..i],
            _ => {}
        }
    }
    line
}

/// Splits a dictionary phrase (`HAMAS_MILITARY_COMMAND`, `CARAS GALADHON`)
/// into upper-case words; `_` and blanks both separate words.
pub fn phrase_words(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_uppercase())
        .collect()
}

/// The bracketed parts of a line: `"X [A] [B 1-2]"` → `["A", "B 1-2"]`, and
/// the text before the first bracket. An unclosed bracket is an error.
pub fn brackets(line: &str) -> Result<(&str, Vec<&str>), String> {
    let head_end = line.find('[').unwrap_or(line.len());
    let mut out = Vec::new();
    let mut rest = &line[head_end..];
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else {
            return Err(format!("unclosed bracket in {:?}", line.trim()));
        };
        out.push(after[..close].trim());
        rest = &after[close + 1..];
    }
    Ok((&line[..head_end], out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_words() {
        let text = "<!-- a\n b -->\nA_B [X] # c\n# only\n\n  [###] # n\n<! -- x -->\nC";
        let got: Vec<_> = lines(text).collect();
        assert_eq!(
            got,
            vec![
                (3, "A_B [X]".to_string()),
                (6, "  [###]".to_string()),
                (8, "C".to_string())
            ]
        );
        assert_eq!(phrase_words("caras galadhon_"), vec!["CARAS", "GALADHON"]);
        assert_eq!(
            brackets("X [A] [B 1-2]").unwrap(),
            ("X ", vec!["A", "B 1-2"])
        );
        assert!(brackets("X [A").is_err());
    }
}
