//! `resplist import`: a responsibility list from the spreadsheets it lives in today.

pub mod columns;
