//! The arc-eager transition system the parser runs (Nivre 2003), with the
//! artificial root at the END of the buffer (Ballesteros & Nivre 2013), its
//! dynamic oracle (Goldberg & Nivre 2012: the exact cost of every transition
//! against a projective gold tree), and projectivisation by lifting for
//! training trees that are not projective.
//!
//! Words are `0..n`; the root is word `n`, always last in the buffer. The
//! buffer is the contiguous range `b..=n`, so "in the buffer" is a range test.
//! Moves:
//! - `Shift`: push `b0` (not the root);
//! - `Reduce`: pop `s0` (it has a head);
//! - `Left(l)`: `b0 → s0` with relation `l`, pop `s0` (it has no head); with
//!   `b0` the root, `l` is `ROOT`, and only then;
//! - `Right(l)`: `s0 → b0` with relation `l`, push `b0` (not the root); at
//!   the end (only the root left in the buffer) instead `s1 → s0`, pop `s0`
//!   (it has no head): a word left headless attaches to the open word before
//!   it rather than becoming a second root (the moves of arc-hybrid, where
//!   arc-eager has none).
//!
//! Some move is always valid until the end (stack empty, only the root left),
//! so no parse gets stuck. At the end every word has a head; the root may
//! have several children, which [`State::finish`] reduces to one (the others
//! attach to it with `dep`, as the teacher does with extra roots).

use super::Dep;

/// No token (no head, no child).
pub const NONE: u32 = u32::MAX;

/// Number of relations.
pub const N_LABELS: usize = Dep::ALL.len();

/// Number of actions: shift, reduce, and a left and a right arc per relation.
pub const N_ACTIONS: usize = 2 + 2 * N_LABELS;

/// A transition, unlabelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Move {
    /// Push the front of the buffer.
    Shift,
    /// Pop the top of the stack (it has a head).
    Reduce,
    /// The front of the buffer heads the top of the stack, which is popped.
    Left,
    /// The top of the stack heads the front of the buffer, which is pushed.
    Right,
}

/// A labelled transition; the parser's classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Action {
    /// The move.
    pub mv: Move,
    /// The relation of the arc it adds (`Dep::Dep` for shift and reduce).
    pub label: Dep,
}

impl Action {
    /// The action with this id (`0..N_ACTIONS`).
    pub fn from_id(id: usize) -> Action {
        match id {
            0 => Action {
                mv: Move::Shift,
                label: Dep::Dep,
            },
            1 => Action {
                mv: Move::Reduce,
                label: Dep::Dep,
            },
            _ => {
                let k = id - 2;
                let mv = if k < N_LABELS {
                    Move::Left
                } else {
                    Move::Right
                };
                Action {
                    mv,
                    label: Dep::ALL[k % N_LABELS],
                }
            }
        }
    }

    /// The action's id.
    pub fn id(self) -> usize {
        match self.mv {
            Move::Shift => 0,
            Move::Reduce => 1,
            Move::Left => 2 + self.label as usize,
            Move::Right => 2 + N_LABELS + self.label as usize,
        }
    }

    /// Its name in a model file: `S`, `D`, `L-nsubj`, `R-dobj`.
    pub fn name(self) -> String {
        match self.mv {
            Move::Shift => "S".into(),
            Move::Reduce => "D".into(),
            Move::Left => format!("L-{}", self.label),
            Move::Right => format!("R-{}", self.label),
        }
    }

    /// The action a model-file name stands for.
    pub fn parse(name: &str) -> Option<Action> {
        let (mv, label) = match name {
            "S" => return Some(Action::from_id(0)),
            "D" => return Some(Action::from_id(1)),
            _ if name.starts_with("L-") => (Move::Left, &name[2..]),
            _ if name.starts_with("R-") => (Move::Right, &name[2..]),
            _ => return None,
        };
        Dep::parse(label).map(|label| Action { mv, label })
    }
}

/// One token's place in the partial tree: its head and relation, its two
/// outermost children on each side, how many children, which relations.
#[derive(Clone, Copy, Debug)]
pub struct Node {
    /// Head, or [`NONE`].
    pub head: u32,
    /// Leftmost child.
    pub l1: u32,
    /// Second leftmost child.
    pub l2: u32,
    /// Rightmost child.
    pub r1: u32,
    /// Second rightmost child.
    pub r2: u32,
    /// Relations of the left children (bit per relation id).
    pub lset: u64,
    /// Relations of the right children.
    pub rset: u64,
    /// Relation to the head (meaningful when `head` is set).
    pub label: Dep,
    /// Number of left children (saturating).
    pub nl: u8,
    /// Number of right children (saturating).
    pub nr: u8,
    /// On the stack now.
    pub on_stack: bool,
}

/// A token with no head and no children.
pub const EMPTY: Node = Node {
    head: NONE,
    l1: NONE,
    l2: NONE,
    r1: NONE,
    r2: NONE,
    lset: 0,
    rset: 0,
    label: Dep::Dep,
    nl: 0,
    nr: 0,
    on_stack: false,
};

/// A parser configuration. Reused between sentences ([`State::reset`]).
#[derive(Clone, Debug, Default)]
pub struct State {
    /// Number of words; the root is token `n`.
    pub n: u32,
    /// The stack, bottom first.
    pub stack: Vec<u32>,
    /// Front of the buffer (`n` when only the root is left).
    pub b: u32,
    /// One node per token, the root's last (`n + 1` entries).
    pub nodes: Vec<Node>,
    /// Whether the end move (a right arc with only the root left: `s1 → s0`)
    /// is available. Without it the system is plain arc-eager.
    pub end_attach: bool,
}

impl State {
    /// The initial configuration for `n` words.
    pub fn reset(&mut self, n: usize) {
        let n = n.min(NONE as usize - 2) as u32;
        self.n = n;
        self.b = 0;
        self.stack.clear();
        self.nodes.clear();
        self.nodes.resize(n as usize + 1, EMPTY);
    }

    /// Top of the stack, or [`NONE`].
    #[inline]
    pub fn s0(&self) -> u32 {
        self.stack.last().copied().unwrap_or(NONE)
    }

    /// Second on the stack, or [`NONE`].
    #[inline]
    pub fn s1(&self) -> u32 {
        let k = self.stack.len();
        if k >= 2 {
            self.stack[k - 2]
        } else {
            NONE
        }
    }

    /// The `i`-th token of the buffer (0 = front; the root is last), or [`NONE`].
    #[inline]
    pub fn buf(&self, i: u32) -> u32 {
        let t = self.b + i;
        if t <= self.n {
            t
        } else {
            NONE
        }
    }

    /// True when nothing is left to do.
    #[inline]
    pub fn is_terminal(&self) -> bool {
        self.b >= self.n && self.stack.is_empty()
    }

    /// Whether `a` may be applied now.
    #[inline]
    pub fn is_valid(&self, a: Action) -> bool {
        let root_front = self.b >= self.n;
        let s0 = match self.stack.last() {
            Some(&s) => s,
            None => return a.mv == Move::Shift && !root_front,
        };
        let has_head = self.nodes[s0 as usize].head != NONE;
        match a.mv {
            Move::Shift => !root_front,
            Move::Reduce => has_head,
            Move::Left => !has_head && (a.label == Dep::Root) == root_front,
            Move::Right => {
                a.label != Dep::Root
                    && (!root_front || (self.end_attach && !has_head && self.stack.len() >= 2))
            }
        }
    }

    /// Which unlabelled moves are valid: shift, reduce, left, right.
    #[inline]
    pub fn valid_moves(&self) -> [bool; 4] {
        let root_front = self.b >= self.n;
        match self.stack.last() {
            None => [!root_front, false, false, false],
            Some(&s0) => {
                let has_head = self.nodes[s0 as usize].head != NONE;
                let right = !root_front || (self.end_attach && !has_head && self.stack.len() >= 2);
                [!root_front, has_head, !has_head, right]
            }
        }
    }

    /// Applies `a`, which must be valid.
    #[inline]
    pub fn apply(&mut self, a: Action) {
        match a.mv {
            Move::Shift => self.push_front(),
            Move::Reduce => self.pop(),
            Move::Left => {
                let s0 = self.s0();
                self.arc(self.b, s0, a.label);
                self.pop();
            }
            Move::Right if self.b >= self.n => {
                // The end: the headless top attaches to the item below it.
                let (s1, s0) = (self.s1(), self.s0());
                self.arc(s1, s0, a.label);
                self.pop();
            }
            Move::Right => {
                let s0 = self.s0();
                self.arc(s0, self.b, a.label);
                self.push_front();
            }
        }
    }

    fn push_front(&mut self) {
        let b = self.b;
        self.nodes[b as usize].on_stack = true;
        self.stack.push(b);
        self.b += 1;
    }

    fn pop(&mut self) {
        if let Some(s) = self.stack.pop() {
            self.nodes[s as usize].on_stack = false;
        }
    }

    /// Adds the arc `h → d`.
    fn arc(&mut self, h: u32, d: u32, label: Dep) {
        let bit = 1u64 << (label as u32);
        {
            let dn = &mut self.nodes[d as usize];
            dn.head = h;
            dn.label = label;
        }
        let hn = &mut self.nodes[h as usize];
        if d < h {
            if d < hn.l1 {
                hn.l2 = hn.l1;
                hn.l1 = d;
            } else if d < hn.l2 {
                hn.l2 = d;
            }
            hn.nl = hn.nl.saturating_add(1);
            hn.lset |= bit;
        } else {
            if hn.r1 == NONE || d > hn.r1 {
                hn.r2 = hn.r1;
                hn.r1 = d;
            } else if hn.r2 == NONE || d > hn.r2 {
                hn.r2 = d;
            }
            hn.nr = hn.nr.saturating_add(1);
            hn.rset |= bit;
        }
    }

    /// The costs of the four moves (shift, reduce, left, right), unlabelled,
    /// against a projective gold tree (`gold[i]` the head of word `i`, `n` for
    /// the root): the number of gold arcs still reachable now that the move
    /// makes unreachable. Invalid moves get `u32::MAX`. Exact for plain
    /// arc-eager; with [`State::end_attach`] the moves at the end are costed
    /// exactly too, and earlier moves as in arc-eager (an arc the end move
    /// could still recover counts as lost, so the oracle keeps to arc-eager's
    /// own paths, and a zero-cost move always exists).
    pub fn costs(&self, gold: &[u32]) -> [u32; 4] {
        let valid = self.valid_moves();
        let mut c = [u32::MAX; 4];
        let b0 = self.b;
        let n = self.n;
        let s0 = self.s0();
        let gh_b0 = if b0 < n { gold[b0 as usize] } else { NONE };
        // Shift and right: b0's gold head on the stack (for right, other than
        // s0) or deeper in the buffer; b0's headless gold dependents on the stack.
        let mut deps_of_b0_on_stack = 0;
        if b0 < n {
            for &k in &self.stack {
                if gold[k as usize] == b0 && self.nodes[k as usize].head == NONE {
                    deps_of_b0_on_stack += 1;
                }
            }
        }
        let head_of_b0_on_stack = gh_b0 != NONE && gh_b0 < n && self.nodes[gh_b0 as usize].on_stack;
        if valid[0] {
            c[0] = deps_of_b0_on_stack + u32::from(head_of_b0_on_stack);
        }
        if s0 == NONE {
            return c;
        }
        // s0's gold dependents in the buffer.
        let mut deps_of_s0_in_buffer = 0;
        for d in b0..n {
            if gold[d as usize] == s0 {
                deps_of_s0_in_buffer += 1;
            }
        }
        if valid[1] {
            c[1] = deps_of_s0_in_buffer;
        }
        if b0 >= n {
            // The end: the top goes to the root (left) or under s1 (right).
            let gh_s0 = gold[s0 as usize];
            if valid[2] {
                c[2] = u32::from(valid[3] && gh_s0 == self.s1());
            }
            if valid[3] {
                c[3] = u32::from(gh_s0 == n);
            }
            return c;
        }
        if valid[2] {
            let gh_s0 = gold[s0 as usize];
            let head_later = gh_s0 != NONE && gh_s0 > b0 && gh_s0 <= n;
            c[2] = deps_of_s0_in_buffer + u32::from(head_later);
        }
        if valid[3] {
            let head_lost = gh_b0 != s0 && (head_of_b0_on_stack || (gh_b0 > b0 && gh_b0 <= n));
            c[3] = deps_of_b0_on_stack + u32::from(head_lost);
        }
        c
    }

    /// The cost of a labelled action (`u32::MAX` if invalid): the move's
    /// cost, plus one when the arc it adds is a gold arc with another relation.
    pub fn action_cost(
        &self,
        a: Action,
        move_costs: &[u32; 4],
        gold: &[u32],
        labels: &[Dep],
    ) -> u32 {
        if !self.is_valid(a) {
            return u32::MAX;
        }
        let s0 = self.s0();
        let b0 = self.b;
        match a.mv {
            Move::Shift => move_costs[0],
            Move::Reduce => move_costs[1],
            Move::Left => {
                let wrong = gold[s0 as usize] == b0 && labels[s0 as usize] != a.label;
                move_costs[2] + u32::from(wrong)
            }
            Move::Right if b0 >= self.n => {
                let wrong = gold[s0 as usize] == self.s1() && labels[s0 as usize] != a.label;
                move_costs[3] + u32::from(wrong)
            }
            Move::Right => {
                let wrong = gold[b0 as usize] == s0 && labels[b0 as usize] != a.label;
                move_costs[3] + u32::from(wrong)
            }
        }
    }

    /// The tree at the end: `(head, relation)` per word, the root word its
    /// own head with `ROOT`. Of several children of the root, the one with
    /// the best `root_score` stays root and the others attach to it with
    /// `dep`; with none (only when the parse stopped early), the
    /// best-scoring headless word becomes root. Words still headless attach
    /// to the root with `dep`. Always exactly one root.
    pub fn finish(&self, root_score: impl Fn(u32) -> i64, out: &mut Vec<(u32, Dep)>) {
        out.clear();
        let n = self.n;
        if n == 0 {
            return;
        }
        let mut root = NONE;
        let mut best = i64::MIN;
        for pass in 0..2 {
            for i in 0..n {
                let h = self.nodes[i as usize].head;
                let candidate = if pass == 0 { h == n } else { h == NONE };
                if candidate {
                    let s = root_score(i);
                    if root == NONE || s > best {
                        best = s;
                        root = i;
                    }
                }
            }
            if root != NONE {
                break;
            }
        }
        if root == NONE {
            root = 0;
        }
        for i in 0..n {
            let node = &self.nodes[i as usize];
            if i == root {
                out.push((i, Dep::Root));
            } else if node.head == NONE || node.head == n || node.head == i {
                out.push((root, Dep::Dep));
            } else {
                let label = if node.label == Dep::Root {
                    Dep::Dep
                } else {
                    node.label
                };
                out.push((node.head, label));
            }
        }
        // A cycle cannot arise from the transitions, but a tree is promised:
        // break any, should a bug ever make one.
        debug_assert!(is_tree(out));
        if !is_tree(out) {
            for (i, o) in out.iter_mut().enumerate() {
                if i as u32 != root {
                    *o = (root, Dep::Dep);
                }
            }
        }
    }
}

/// True when `tree` (`(head, relation)` per word, root its own head) has
/// exactly one root, labelled `ROOT`, heads in range and no cycle.
pub fn is_tree(tree: &[(u32, Dep)]) -> bool {
    let n = tree.len();
    let roots = tree
        .iter()
        .enumerate()
        .filter(|(i, (h, _))| *h as usize == *i)
        .count();
    if n > 0 && roots != 1 {
        return false;
    }
    for (i, &(h, d)) in tree.iter().enumerate() {
        if h as usize >= n || ((h as usize == i) != (d == Dep::Root)) {
            return false;
        }
        // Walk up: must reach the root within n steps.
        let mut k = i;
        let mut steps = 0;
        while tree[k].0 as usize != k {
            k = tree[k].0 as usize;
            steps += 1;
            if steps > n {
                return false;
            }
        }
    }
    true
}

/// Heads of a tree given 0-based with the root word its own head... as the
/// oracle wants them: `n` for the root. `None` unless every head is in range,
/// exactly one word is root and there is no cycle.
pub fn gold_heads(heads: &[u32]) -> Option<Vec<u32>> {
    let n = heads.len() as u32;
    let mut roots = 0;
    for (i, &h) in heads.iter().enumerate() {
        if h > n || h == i as u32 {
            return None;
        }
        if h == n {
            roots += 1;
        }
    }
    if roots != 1 {
        return None;
    }
    for i in 0..heads.len() {
        let mut k = i as u32;
        let mut steps = 0;
        while k != n {
            k = heads[k as usize];
            steps += 1;
            if steps > heads.len() {
                return None;
            }
        }
    }
    Some(heads.to_vec())
}

/// True when arc `h → d` is projective: every word between them descends from `h`.
fn arc_is_projective(heads: &[u32], h: u32, d: u32) -> bool {
    let n = heads.len() as u32;
    let (lo, hi) = if h < d { (h, d) } else { (d, h) };
    for k in lo + 1..hi {
        let mut a = k;
        while a != h && a != n {
            a = heads[a as usize];
        }
        if a != h {
            return false;
        }
    }
    true
}

/// Makes a tree (heads as [`gold_heads`] gives them: `n` for the root)
/// projective by lifting: while some arc is not projective, the shortest
/// such arc's dependent is attached to its head's head (relations are kept).
/// Returns how many arcs were lifted (0 for a projective tree).
pub fn projectivize(heads: &mut [u32]) -> usize {
    let n = heads.len() as u32;
    let mut lifted = 0;
    loop {
        let mut worst: Option<(u32, u32)> = None; // (length, dependent)
        for d in 0..n {
            let h = heads[d as usize];
            if h == n {
                continue;
            }
            let len = h.abs_diff(d);
            if worst.is_some_and(|(l, _)| l <= len) {
                continue;
            }
            if !arc_is_projective(heads, h, d) {
                worst = Some((len, d));
            }
        }
        match worst {
            None => return lifted,
            Some((_, d)) => {
                let h = heads[d as usize];
                heads[d as usize] = heads[h as usize];
                lifted += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "The cat sat on the mat ." — heads (root = 7).
    fn cat() -> (Vec<u32>, Vec<Dep>) {
        let heads = vec![1, 2, 7, 2, 5, 3, 2];
        let labels = vec![
            Dep::Det,
            Dep::Nsubj,
            Dep::Root,
            Dep::Prep,
            Dep::Det,
            Dep::Pobj,
            Dep::Punct,
        ];
        (heads, labels)
    }

    /// Follows the zero-cost action with the lowest id at every step (with
    /// and without the end move: the same tree).
    fn oracle_parse(heads: &[u32], labels: &[Dep]) -> Vec<(u32, Dep)> {
        let plain = oracle_parse_in(heads, labels, false);
        assert_eq!(plain, oracle_parse_in(heads, labels, true));
        plain
    }

    fn oracle_parse_in(heads: &[u32], labels: &[Dep], end_attach: bool) -> Vec<(u32, Dep)> {
        let mut s = State {
            end_attach,
            ..State::default()
        };
        s.reset(heads.len());
        let mut steps = 0;
        while !s.is_terminal() {
            let mc = s.costs(heads);
            let a = (0..N_ACTIONS)
                .map(Action::from_id)
                .find(|&a| s.action_cost(a, &mc, heads, labels) == 0)
                .unwrap_or_else(|| panic!("no zero-cost action: {mc:?} {s:?}"));
            s.apply(a);
            steps += 1;
            assert!(steps <= 2 * heads.len() + 2);
        }
        let mut out = Vec::new();
        s.finish(|_| 0, &mut out);
        out
    }

    fn expected(heads: &[u32], labels: &[Dep]) -> Vec<(u32, Dep)> {
        let n = heads.len() as u32;
        heads
            .iter()
            .zip(labels)
            .enumerate()
            .map(|(i, (&h, &l))| if h == n { (i as u32, l) } else { (h, l) })
            .collect()
    }

    #[test]
    fn action_ids_and_names_round_trip() {
        for id in 0..N_ACTIONS {
            let a = Action::from_id(id);
            assert_eq!(a.id(), id);
            assert_eq!(Action::parse(&a.name()), Some(a));
        }
        assert_eq!(Action::parse("L-nsubj").unwrap().label, Dep::Nsubj);
        assert_eq!(Action::parse("X-nsubj"), None);
        assert_eq!(Action::parse("L-nope"), None);
    }

    #[test]
    fn static_oracle_reaches_the_gold_tree() {
        let (heads, labels) = cat();
        assert_eq!(oracle_parse(&heads, &labels), expected(&heads, &labels));
        // Root first, everything to its right; root last.
        let h2 = vec![4, 0, 0, 0];
        let l2 = vec![Dep::Root, Dep::Dobj, Dep::Prep, Dep::Punct];
        assert_eq!(oracle_parse(&h2, &l2), expected(&h2, &l2));
        let h3 = vec![2, 2, 3];
        let l3 = vec![Dep::Det, Dep::Amod, Dep::Root];
        assert_eq!(oracle_parse(&h3, &l3), expected(&h3, &l3));
        let h4 = vec![1];
        let l4 = vec![Dep::Root];
        assert_eq!(oracle_parse(&h4, &l4), vec![(0, Dep::Root)]);
    }

    /// Random projective trees: from any state reached by random valid moves,
    /// the cost of a move equals the loss in the best reachable tree (checked
    /// by exhaustive search on short sentences), and some move costs 0.
    #[test]
    fn dynamic_oracle_costs_are_exact() {
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut rnd = |m: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % m
        };
        for round in 0..400 {
            let n = 1 + rnd(7) as usize;
            let heads = random_projective(n, &mut rnd);
            let mut s = State {
                end_attach: round % 2 == 1,
                ..State::default()
            };
            s.reset(n);
            while !s.is_terminal() {
                let mc = s.costs(&heads);
                let best_now = best_reachable(&s, &heads);
                // With the end move, costs are exact at the end only.
                let exact = !s.end_attach || s.b == s.n;
                for (m, &c) in mc.iter().enumerate() {
                    let a = Action {
                        mv: [Move::Shift, Move::Reduce, Move::Left, Move::Right][m],
                        label: if m == 2 && s.b == s.n {
                            Dep::Root
                        } else {
                            Dep::Dep
                        },
                    };
                    if c == u32::MAX {
                        assert!(!s.is_valid(a), "{m} {s:?}");
                        continue;
                    }
                    assert!(s.is_valid(a));
                    let mut t = s.clone();
                    t.apply(a);
                    let after = best_reachable(&t, &heads);
                    if exact {
                        assert_eq!(c, best_now - after, "move {m} heads {heads:?} state {s:?}");
                    }
                }
                assert!(mc.contains(&0), "no zero-cost move: {heads:?} {s:?}");
                // Take a random valid move.
                let valid: Vec<usize> = (0..4).filter(|&m| mc[m] != u32::MAX).collect();
                let m = valid[rnd(valid.len() as u64) as usize];
                let a = Action {
                    mv: [Move::Shift, Move::Reduce, Move::Left, Move::Right][m],
                    label: if m == 2 && s.b == s.n {
                        Dep::Root
                    } else {
                        Dep::Dep
                    },
                };
                s.apply(a);
            }
        }
    }

    fn correct_so_far(s: &State, heads: &[u32]) -> u32 {
        (0..s.n as usize)
            .filter(|&i| s.nodes[i].head == heads[i])
            .count() as u32
    }

    /// Most gold arcs any continuation from `s` ends with (exhaustive).
    fn best_reachable(s: &State, heads: &[u32]) -> u32 {
        if s.is_terminal() {
            return correct_so_far(s, heads);
        }
        let mut best = 0;
        for m in 0..4 {
            let a = Action {
                mv: [Move::Shift, Move::Reduce, Move::Left, Move::Right][m],
                label: if m == 2 && s.b == s.n {
                    Dep::Root
                } else {
                    Dep::Dep
                },
            };
            if s.is_valid(a) {
                let mut t = s.clone();
                t.apply(a);
                best = best.max(best_reachable(&t, heads));
            }
        }
        best
    }

    /// A random projective tree over `n` words, root = `n`.
    fn random_projective(n: usize, rnd: &mut impl FnMut(u64) -> u64) -> Vec<u32> {
        loop {
            let root = rnd(n as u64) as u32;
            let mut heads = vec![0u32; n];
            fn build(
                lo: u32,
                hi: u32,
                h: u32,
                heads: &mut [u32],
                rnd: &mut impl FnMut(u64) -> u64,
            ) {
                // Words lo..hi (excluding h) hang under h projectively.
                let mut i = lo;
                while i < hi {
                    if i == h {
                        i += 1;
                        continue;
                    }
                    // Choose a span [i, j) that stays on one side of h.
                    let limit = if i < h { h } else { hi };
                    let j = i + 1 + rnd(u64::from(limit - i)) as u32;
                    let c = i + rnd(u64::from(j - i)) as u32;
                    heads[c as usize] = h;
                    build(i, j, c, heads, rnd);
                    i = j;
                }
            }
            heads[root as usize] = n as u32;
            build(0, n as u32, root, &mut heads, rnd);
            if gold_heads(&heads).is_some() {
                let mut p = heads.clone();
                assert_eq!(projectivize(&mut p), 0, "{heads:?}");
                return heads;
            }
        }
    }

    #[test]
    fn lifting_makes_trees_projective() {
        // "A hearing is scheduled on the issue today": hearing ← on (non-projective).
        // 0 A, 1 hearing, 2 is, 3 scheduled, 4 on, 5 the, 6 issue, 7 today; root 8.
        let mut heads = vec![1, 3, 3, 8, 1, 6, 4, 3];
        assert!(gold_heads(&heads).is_some());
        assert_eq!(projectivize(&mut heads), 1);
        assert_eq!(heads[4], 3, "on lifted to scheduled");
        assert_eq!(projectivize(&mut heads), 0);
        let mut labels = vec![Dep::Dep; 8];
        labels[3] = Dep::Root;
        assert_eq!(oracle_parse(&heads, &labels), expected(&heads, &labels));
    }

    #[test]
    fn bad_trees_are_refused() {
        assert!(gold_heads(&[1, 0]).is_none(), "cycle, no root");
        assert!(gold_heads(&[2, 2]).is_none(), "two roots");
        assert!(gold_heads(&[0, 2]).is_none(), "self loop");
        assert!(gold_heads(&[5, 2]).is_none(), "out of range");
        assert!(gold_heads(&[1, 2]).is_some());
    }

    #[test]
    fn end_move_attaches_the_top_under_the_item_below() {
        let mut s = State {
            end_attach: true,
            ..State::default()
        };
        s.reset(2);
        s.apply(Action::from_id(0));
        s.apply(Action::from_id(0));
        let right = Action {
            mv: Move::Right,
            label: Dep::Dobj,
        };
        assert!(s.is_valid(right));
        // Gold: word 1 under word 0, word 0 the root: right costs 0, left (to root) 1.
        let gold = [2, 0];
        let mc = s.costs(&gold);
        assert_eq!((mc[2], mc[3]), (1, 0));
        s.apply(right);
        assert_eq!(s.nodes[1].head, 0);
        assert_eq!(s.nodes[1].label, Dep::Dobj);
        assert_eq!(s.stack, vec![0]);
        assert!(!s.is_valid(right), "nothing below the last word");
        s.end_attach = false;
        s.reset(2);
        s.apply(Action::from_id(0));
        s.apply(Action::from_id(0));
        assert!(!s.is_valid(right));
    }

    #[test]
    fn finish_always_gives_one_root() {
        // Two words attached to the root: the better scored stays root.
        let mut s = State::default();
        s.reset(3);
        s.apply(Action::from_id(0)); // shift 0
        s.apply(Action::from_id(0)); // shift 1
        s.apply(Action::from_id(0)); // shift 2
        let root_left = Action {
            mv: Move::Left,
            label: Dep::Root,
        };
        for _ in 0..3 {
            assert!(s.is_valid(root_left));
            s.apply(root_left);
        }
        assert!(s.is_terminal());
        let mut out = Vec::new();
        s.finish(|i| if i == 1 { 10 } else { 0 }, &mut out);
        assert_eq!(out, vec![(1, Dep::Dep), (1, Dep::Root), (1, Dep::Dep)]);
        assert!(is_tree(&out));
        // A state stopped early: headless words attach to the best one.
        let mut s = State::default();
        s.reset(2);
        s.finish(|i| i as i64, &mut out);
        assert_eq!(out, vec![(1, Dep::Dep), (1, Dep::Root)]);
        s.reset(0);
        s.finish(|_| 0, &mut out);
        assert!(out.is_empty());
    }
}
