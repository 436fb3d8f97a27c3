//! Segmentation tests: one line per case, input => expected sentences.

use super::*;
use crate::doc::{Paragraph, TokenKind};

macro_rules! sentence_cases {
    ($($input:expr => [$($want:expr),* $(,)?];)*) => {{
        let mut failures = Vec::new();
        let mut count = 0;
        $(
            count += 1;
            let got = split_sentences($input);
            let want: Vec<&str> = vec![$($want),*];
            if got != want {
                failures.push(format!("input: {:?}\n  want: {:?}\n  got:  {:?}", $input, want, got));
            }
        )*
        assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), count, failures.join("\n"));
        count
    }};
}

#[test]
fn sentence_table() {
    let n = sentence_cases! {
        // Plain sentences.
        "The talks ended. Both sides left." => ["The talks ended.", "Both sides left."];
        "Did they agree? Nobody knows! The talks went on." => ["Did they agree?", "Nobody knows!", "The talks went on."];
        "One sentence without a final period" => ["One sentence without a final period"];
        "  Leading and trailing space.  " => ["Leading and trailing space."];
        // Titles and ranks never end a sentence.
        "Mr. Smith met Mrs. Jones and Ms. Lee." => ["Mr. Smith met Mrs. Jones and Ms. Lee."];
        "Dr. Ana Ruiz said the talks failed." => ["Dr. Ana Ruiz said the talks failed."];
        "Lt. Col. Ivan Petrenko led the unit. He was injured." => ["Lt. Col. Ivan Petrenko led the unit.", "He was injured."];
        "Gen. Mark Field and Sen. Joan Hart spoke. Rep. Tom Ward did not." => ["Gen. Mark Field and Sen. Joan Hart spoke.", "Rep. Tom Ward did not."];
        "Gov. Ann Lowe and Prof. Karl Berg met in St. Petersburg." => ["Gov. Ann Lowe and Prof. Karl Berg met in St. Petersburg."];
        "The case Smith vs. Jones was heard. It was closed." => ["The case Smith vs. Jones was heard.", "It was closed."];
        "Roe v. Wade was cited." => ["Roe v. Wade was cited."];
        // Letter chains.
        "U.S. officials said on Tuesday that talks would resume." => ["U.S. officials said on Tuesday that talks would resume."];
        "The U.S. President met the U.N. chief." => ["The U.S. President met the U.N. chief."];
        "Troops left the U.S. The base closed." => ["Troops left the U.S.", "The base closed."];
        "Ties with the U.K. and the E.U. improved." => ["Ties with the U.K. and the E.U. improved."];
        "He arrived in the U.S. on Monday." => ["He arrived in the U.S. on Monday."];
        "The vote is at 11 a.m on Wednesday." => ["The vote is at 11 a.m on Wednesday."];
        "The vote is at 11 a.m. on Wednesday." => ["The vote is at 11 a.m. on Wednesday."];
        "They met at 3 p.m. The talks lasted an hour." => ["They met at 3 p.m.", "The talks lasted an hour."];
        "Some states, e.g. France, objected." => ["Some states, e.g. France, objected."];
        "Others, i.e. Spain and Italy, agreed." => ["Others, i.e. Spain and Italy, agreed."];
        // Initials.
        "Sergey V. Lavrov spoke on Monday." => ["Sergey V. Lavrov spoke on Monday."];
        "J.R.R. Tolkien wrote it. So did C. S. Lewis." => ["J.R.R. Tolkien wrote it.", "So did C. S. Lewis."];
        "George W. Bush met John F. Kennedy Jr. in a dream." => ["George W. Bush met John F. Kennedy Jr. in a dream."];
        // Months, numbers, companies.
        "The summit opens on Jan. 5 in Geneva." => ["The summit opens on Jan. 5 in Geneva."];
        "It was signed Sept. 11 and ratified Oct. 2, 2001." => ["It was signed Sept. 11 and ratified Oct. 2, 2001."];
        "Resolution No. 1325 was adopted." => ["Resolution No. 1325 was adopted."];
        "He works for Acme Inc. The firm denied it." => ["He works for Acme Inc.", "The firm denied it."];
        "Acme Corp. shares fell 3.5 percent." => ["Acme Corp. shares fell 3.5 percent."];
        "Orbis Co. Ltd. said it would appeal." => ["Orbis Co. Ltd. said it would appeal."];
        "Tanks, trucks, etc. were sent. More will follow." => ["Tanks, trucks, etc. were sent.", "More will follow."];
        "Growth was 3.5 percent. Inflation was 2.1 percent." => ["Growth was 3.5 percent.", "Inflation was 2.1 percent."];
        "About 1,200 troops and $4.5bn in aid were pledged." => ["About 1,200 troops and $4.5bn in aid were pledged."];
        "The deal was signed in 2002. It lapsed in 2019." => ["The deal was signed in 2002.", "It lapsed in 2019."];
        "Prices rose 0.5% in May. They fell in June." => ["Prices rose 0.5% in May.", "They fell in June."];
        "1. The first point is clear." => ["1. The first point is clear."];
        // Quotations of every kind.
        "“We will respond,” he said. “The door is open.”" => ["“We will respond,” he said.", "“The door is open.”"];
        "“One. Two,” he said." => ["“One.", "Two,” he said."];
        "“The line was crossed.” The talks ended." => ["“The line was crossed.”", "The talks ended."];
        "“Why now?” she asked. Nobody answered." => ["“Why now?” she asked.", "Nobody answered."];
        "“Enough!” shouted the crowd." => ["“Enough!” shouted the crowd."];
        "“We are ready!” Smith said. Others were not." => ["“We are ready!” Smith said.", "Others were not."];
        "“We are ready.” Smith said. Others were not." => ["“We are ready.” Smith said.", "Others were not."];
        "“We are ready.” Russia said on Monday it would wait." => ["“We are ready.”", "Russia said on Monday it would wait."];
        "\"We will respond,\" he said. \"The door is open.\"" => ["\"We will respond,\" he said.", "\"The door is open.\""];
        "\"It is over.\" The minister left." => ["\"It is over.\"", "The minister left."];
        "'We will announce it tomorrow,' a senior U.S. official said." => ["'We will announce it tomorrow,' a senior U.S. official said."];
        "‘It is a mistake,’ she said. ‘We regret it.’" => ["‘It is a mistake,’ she said.", "‘We regret it.’"];
        "«Nous partons», a-t-il dit. Le reste suit." => ["«Nous partons», a-t-il dit.", "Le reste suit."];
        "He called it «a mistake». Others agreed." => ["He called it «a mistake».", "Others agreed."];
        "He said: “It is over. We go home.” Then he left." => ["He said: “It is over.", "We go home.”", "Then he left."];
        "The diplomats' families left. The rest stayed." => ["The diplomats' families left.", "The rest stayed."];
        "Cuba's government and each other's capitals were named." => ["Cuba's government and each other's capitals were named."];
        "Moscow called it “absurd”. Prague disagreed." => ["Moscow called it “absurd”.", "Prague disagreed."];
        "“This is an unfriendly act” the ministry said." => ["“This is an unfriendly act” the ministry said."];
        // A quotation left open (first paragraph of a multi-paragraph quotation).
        "“We will not accept this. The decision is final." => ["“We will not accept this.", "The decision is final."];
        // Ellipses.
        "He paused... Then he spoke." => ["He paused...", "Then he spoke."];
        "He said … that it was over." => ["He said … that it was over."];
        "It was late… Nobody came." => ["It was late…", "Nobody came."];
        "“… and we will stay,” he said." => ["“… and we will stay,” he said."];
        // Parentheses.
        "The ministry (which denied it.) said so. Then it stopped." => ["The ministry (which denied it.) said so.", "Then it stopped."];
        "Talks resumed. (The earlier round failed.) Both sides met." => ["Talks resumed.", "(The earlier round failed.)", "Both sides met."];
        "The NATO (North Atlantic Treaty Organization) office closed." => ["The NATO (North Atlantic Treaty Organization) office closed."];
        // Addresses and odd tokens.
        "Write to press@example.org. Replies come fast." => ["Write to press@example.org.", "Replies come fast."];
        "See https://example.org/a.html for more. It is free." => ["See https://example.org/a.html for more.", "It is free."];
        "It is on chinadaily.com.cn today." => ["It is on chinadaily.com.cn today."];
        // Lower case after a period continues (e.g. an unlisted abbreviation).
        "It weighs approx. three tons." => ["It weighs approx. three tons."];
        "Talks are planned in Calif. next week." => ["Talks are planned in Calif. next week."];
        "The text said no. The minister agreed." => ["The text said no.", "The minister agreed."];
        "Is it over?! Nobody knows." => ["Is it over?!", "Nobody knows."];
        "He said it was done. “No more talks,” he added." => ["He said it was done.", "“No more talks,” he added."];
        "The U.S.-led coalition struck. Russia objected." => ["The U.S.-led coalition struck.", "Russia objected."];
        // More news English.
        "The meeting is set for 10 a.m. Tuesday in Room No. 5." => ["The meeting is set for 10 a.m. Tuesday in Room No. 5."];
        "He met Sen. Warren. Then he left." => ["He met Sen. Warren.", "Then he left."];
        "Prices rose to $1.5 million. Sales fell." => ["Prices rose to $1.5 million.", "Sales fell."];
        "“We’re leaving,” he said, “and we won’t be back.”" => ["“We’re leaving,” he said, “and we won’t be back.”"];
        "He said the U.S. and Russia agreed. The U.N. welcomed it." => ["He said the U.S. and Russia agreed.", "The U.N. welcomed it."];
        "It cost 5bn euros (about $5.6bn). Critics said it was too much." => ["It cost 5bn euros (about $5.6bn).", "Critics said it was too much."];
        "Was it a mistake? “No,” he said." => ["Was it a mistake?", "“No,” he said."];
        "The vote was 52-48. The bill passed." => ["The vote was 52-48.", "The bill passed."];
        "See p. 5 of the report and art. 51 of the charter." => ["See p. 5 of the report and art. 51 of the charter."];
        "The Rev. Jesse Jackson spoke." => ["The Rev. Jesse Jackson spoke."];
        "“Stop!” “Why?” They argued." => ["“Stop!”", "“Why?”", "They argued."];
        "He said: 'It’s over.' Then he left." => ["He said: 'It’s over.'", "Then he left."];
        "The 1990s were turbulent. Russia changed." => ["The 1990s were turbulent.", "Russia changed."];
        "A.B.C. News reported it." => ["A.B.C. News reported it."];
        "It ended (finally). Then silence." => ["It ended (finally).", "Then silence."];
        "In the U.S., officials agreed. Others did not." => ["In the U.S., officials agreed.", "Others did not."];
        "“We will... we must,” he said." => ["“We will... we must,” he said."];
        "Ms. Lee's aide said so." => ["Ms. Lee's aide said so."];
        "He lives in Washington, D.C. The city is quiet." => ["He lives in Washington, D.C.", "The city is quiet."];
        "Talks will resume on Dec. 1. The venue is Oslo." => ["Talks will resume on Dec. 1.", "The venue is Oslo."];
    };
    assert!(n >= 60, "only {n} cases");
}

#[test]
fn token_kinds() {
    use TokenKind::*;
    let cases: &[(&str, &[(&str, TokenKind)])] = &[
        ("U.S. officials", &[("U.S.", Word), ("officials", Word)]),
        (
            "Russia’s mission",
            &[("Russia", Word), ("’s", Word), ("mission", Word)],
        ),
        ("Cuba's", &[("Cuba", Word), ("'s", Word)]),
        ("don't", &[("don't", Word)]),
        (
            "so-called COVID-19",
            &[("so-called", Word), ("COVID-19", Word)],
        ),
        (
            "$4.5bn, 1,200 and 3.5%",
            &[
                ("$", Symbol),
                ("4.5bn", Number),
                (",", Punct),
                ("1,200", Number),
                ("and", Word),
                ("3.5", Number),
                ("%", Symbol),
            ],
        ),
        (
            "“Hi,” he said...",
            &[
                ("“", Quote),
                ("Hi", Word),
                (",", Punct),
                ("”", Quote),
                ("he", Word),
                ("said", Word),
                ("...", Punct),
            ],
        ),
        (
            "Mr. V. Lavrov",
            &[("Mr.", Word), ("V.", Word), ("Lavrov", Word)],
        ),
        (
            "at 11:30 on 10/19/2021",
            &[
                ("at", Word),
                ("11:30", Number),
                ("on", Word),
                ("10/19/2021", Number),
            ],
        ),
        ("a@b.org.", &[("a@b.org", Word), (".", Punct)]),
        ("Zürich café", &[("Zürich", Word), ("café", Word)]),
        ("end. Next", &[("end", Word), (".", Punct), ("Next", Word)]),
    ];
    for (input, want) in cases {
        assert_eq!(tokens(input), want.to_vec(), "input {input:?}");
    }
}

fn doc_of(paragraphs: &[&str]) -> Doc {
    let mut doc = Doc::default();
    for p in paragraphs {
        if !doc.text.is_empty() {
            doc.text.push_str("\n\n");
        }
        let start = doc.text.len();
        doc.text.push_str(p);
        doc.paragraphs.push(Paragraph {
            span: Span::new(start, doc.text.len()),
            section: None,
            headline: false,
        });
    }
    doc
}

#[test]
fn offsets_slice_exactly_and_tokens_cover_sentences() {
    let mut doc = doc_of(&[
        "“We are leaving. The decision is final,” the envoy said.",
        "“We did not want this.",
        "“But we had no choice,” he added. Mr. Ode left at 5 p.m. on Friday.",
    ]);
    segment(&mut doc);
    let got: Vec<&str> = (0..doc.sentences.len())
        .map(|i| doc.sentence_text(i))
        .collect();
    assert_eq!(
        got,
        [
            "“We are leaving.",
            "The decision is final,” the envoy said.",
            "“We did not want this.",
            "“But we had no choice,” he added.",
            "Mr. Ode left at 5 p.m. on Friday."
        ]
    );
    assert_eq!(
        doc.sentences
            .iter()
            .map(|s| s.paragraph)
            .collect::<Vec<_>>(),
        [0, 0, 1, 2, 2]
    );
    for (i, s) in doc.sentences.iter().enumerate() {
        let text = doc.slice(s.span);
        assert_eq!(text, text.trim());
        let toks = doc.sentence_tokens(i);
        assert_eq!(toks.first().map(|t| t.span.start), Some(s.span.start));
        assert_eq!(toks.last().map(|t| t.span.end), Some(s.span.end));
        assert!(toks.iter().all(|t| t.sentence == i));
    }
}

#[test]
fn no_panic_on_odd_input() {
    for input in [
        "", " ", ".", "...", "“", "'", "’s", "«»", "a.", "A.", "?!?!", "é́", "1.", "$", "—", "U.S",
        "(", ").",
    ] {
        let mut doc = doc_of(&[input]);
        segment(&mut doc);
        for s in &doc.sentences {
            assert!(!doc.slice(s.span).is_empty());
        }
    }
}
