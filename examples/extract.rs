//! Prints a report as JSON.
//!
//! ```text
//! cargo run --release --example extract -- REPORT.txt   # one report
//! cargo run --release --example extract -- -            # standard input
//! cargo run --release --example extract                 # the built-in sample
//! ```

use std::io::Read;
use std::process::ExitCode;

const SAMPLE: &str = include_str!("../fixtures/pingshan-2021.txt");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = match args.first().map(String::as_str) {
        None => SAMPLE.to_string(),
        Some("-") => {
            let mut s = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut s) {
                eprintln!("extract: standard input: {e}");
                return ExitCode::FAILURE;
            }
            s
        }
        Some(path) => match std::fs::read_to_string(path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("extract: {path}: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    let report = gongwen::parse(&text);
    match serde_json::to_string_pretty(&report) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("extract: {e}");
            ExitCode::FAILURE
        }
    }
}
