//! attache's HTTP JSON API and web page over the store.
//!
//! Owner: the store stage. (Skeleton: to be completed.)
