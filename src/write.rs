//! Writing a fixed file without ever leaving it half written.
//!
//! The new bytes go to a temporary file in the same folder, which then replaces the
//! original by rename, with the original's permission bits. A symbolic link is followed,
//! so the link stays a link. A file that changed since it was read, or that its owner may
//! not write, is left as it is, also when running as root.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Context, Result};

/// Replaces the contents of `path` with `new`, provided it still contains `old`.
pub fn replace_file(path: &Path, old: &[u8], new: &[u8]) -> Result<()> {
    let target = std::fs::canonicalize(path).with_context(|| format!("{}: cannot resolve the path", path.display()))?;
    let metadata = std::fs::metadata(&target).with_context(|| format!("{}: cannot read metadata", path.display()))?;
    let permissions = metadata.permissions();
    if !mode_allows_owner_write(&permissions) {
        bail!("{}: the file is read-only, so the fix was not written", path.display());
    }

    let current = std::fs::read(&target).with_context(|| format!("{}: cannot read the file again", path.display()))?;
    if current != old {
        bail!("{}: the file changed on disk while it was being fixed, so it was not overwritten", path.display());
    }

    let folder = target.parent().unwrap_or(Path::new("."));
    let mut temporary = tempfile::Builder::new()
        .prefix(".goleakfix-")
        .tempfile_in(folder)
        .with_context(|| format!("{}: cannot create a temporary file beside it", path.display()))?;
    temporary.write_all(new).with_context(|| format!("{}: cannot write the temporary file", path.display()))?;
    temporary.as_file().sync_all().ok();
    std::fs::set_permissions(temporary.path(), permissions)
        .with_context(|| format!("{}: cannot copy the file mode", path.display()))?;
    temporary
        .persist(&target)
        .with_context(|| format!("{}: cannot replace the file", path.display()))?;
    Ok(())
}

/// Reports whether the owner of the file at `path` may write it, judged by its mode
/// bits, so the answer is the same when running as root.
pub fn owner_may_write(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|metadata| mode_allows_owner_write(&metadata.permissions()))
}

#[cfg(unix)]
fn mode_allows_owner_write(permissions: &std::fs::Permissions) -> bool {
    use std::os::unix::fs::PermissionsExt;
    permissions.mode() & 0o200 != 0
}

#[cfg(not(unix))]
fn mode_allows_owner_write(permissions: &std::fs::Permissions) -> bool {
    !permissions.readonly()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_keeps_mode() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("a.go");
        std::fs::write(&path, b"old").unwrap();
        replace_file(&path, b"old", b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
    }

    #[test]
    fn changed_file_is_not_overwritten() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("a.go");
        std::fs::write(&path, b"edited").unwrap();
        assert!(replace_file(&path, b"old", b"new").is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"edited");
    }
}
