//! `wex`: the command line for placement authors and site owners.

mod cmd;
mod folder;
mod output;

fn main() -> std::process::ExitCode {
    // Rust ignores SIGPIPE, so printing into a closed pipe would panic. Restore the
    // default, so `wex check ... | head` ends quietly like other command-line tools.
    #[cfg(unix)]
    // SAFETY: called first, before any thread exists; SIG_DFL is a valid handler.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let code = match cmd::Command::from_args(std::env::args_os().skip(1)) {
        Ok(command) => command.run(),
        Err(error) => {
            eprintln!("{}", error.render());
            cmd::Exit::CouldNotRun
        }
    };
    std::process::ExitCode::from(code as u8)
}
