#pragma once
// Whole-file reads and atomic writes, with secnlp errors that name the file.

#include <filesystem>
#include <string>
#include <string_view>

#include "common/error.h"

namespace secnlp {

// The bytes of `path`, read with one allocation when the size is known. A missing path, a
// directory or another non-regular file throws Error(missing_code, "<what> not found" / "... is
// not a regular file", path); an open or read failure throws Error(kIo, ..., path).
// `missing_code` is kIo for inputs and kResource for dictionaries, lexicons and other resources.
std::string read_file_bytes(const std::filesystem::path& path,
                            ErrorCode missing_code = ErrorCode::kIo,
                            std::string_view what = "file");

// Why `path` cannot be read as a regular file, or "" when it can: "no such file", "dangling
// symlink (to TARGET)", "symlink loop", "not a regular file: FIFO" (or directory, socket,
// character device, block device). For error rows that say what an input really is. Never
// throws; a few stat calls.
std::string why_not_regular_file(const std::filesystem::path& path);

// Writes `bytes` to `dest` atomically: a temp file from atomic_temp_path(dest), fsynced, renamed
// over dest, directory fsynced. Readers see the old file or the new one, never a mix. Throws
// Error(kIo) naming the file; the temp file is removed on failure.
void write_file_atomically(const std::filesystem::path& dest, std::string_view bytes);

// For writers that stream into the temp file themselves: creates dest's directory, removes temp
// files of dest left by processes that no longer exist, and returns a fresh temp path
// "<dest>.tmp-<pid>-<n>" in the same directory (so the final rename stays on one file system).
// Throws Error(kIo) when the directory cannot be created.
std::filesystem::path atomic_temp_path(const std::filesystem::path& dest);

// Removes every "<name>.tmp-<pid>-<n>" file under `dir` (recursively, symlinks not followed)
// whose writer process no longer exists: what a killed download or atomic write leaves. Files
// of live processes (this one included) are kept. Returns how many were removed. Never throws.
std::size_t remove_stale_temp_files(const std::filesystem::path& dir);

// fsync of a directory, so that a rename into it survives a crash. Best effort.
void fsync_directory(const std::filesystem::path& dir);

}  // namespace secnlp
