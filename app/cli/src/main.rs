//! `wex`: the command line for placement authors and site owners.

mod cmd;
mod folder;
mod output;

fn main() -> std::process::ExitCode {
    let code = match cmd::Command::from_args(std::env::args_os().skip(1)) {
        Ok(command) => command.run(),
        Err(error) => {
            eprintln!("{}", error.render());
            cmd::Exit::CouldNotRun
        }
    };
    std::process::ExitCode::from(code as u8)
}
