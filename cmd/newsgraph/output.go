package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// writeOutput writes what write writes to path as a shell's "> path" would,
// except that a regular file is never seen half-written:
//
//   - a symbolic link is followed (a chain of them, to a target that may not
//     exist yet) and stays a link: its target is written;
//   - a device, FIFO or socket is opened and written as it is (-o /dev/null
//     leaves /dev/null a device);
//   - a regular file, new or existing, is written to a temporary file beside
//     it and renamed over it only when write succeeded; an existing file
//     keeps its permission bits.
func writeOutput(path string, write func(io.Writer) error) error {
	target, err := followLinks(path)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	perm := fs.FileMode(0o644)
	info, err := os.Stat(target)
	switch {
	case err == nil && info.IsDir():
		return fmt.Errorf("export: %s is a directory", path)
	case err == nil && !info.Mode().IsRegular():
		return writeInto(target, write)
	case err == nil:
		perm = info.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("export: %w", err)
	}
	return writeFileAtomic(target, perm, write)
}

// followLinks returns the file path names once every symbolic link on the
// way to it is followed, as open(2) would; the last target need not exist.
func followLinks(path string) (string, error) {
	for range 40 { // Linux's MAXSYMLINKS
		info, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) || err == nil && info.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		} else if err != nil {
			return "", err
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		path = link
	}
	return "", fmt.Errorf("%s: too many levels of symbolic links", path)
}

// writeInto writes into a file that is not a regular one, opened as it is
// (a FIFO waits for its reader, as under a shell).
func writeInto(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("export: %s: %w", path, err)
	}
	return nil
}

// writeFileAtomic writes path through a temporary file in the same
// directory, renamed into place only when write succeeded, so a failed or
// interrupted export never leaves half a file behind.
func writeFileAtomic(path string, perm fs.FileMode, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return fmt.Errorf("export: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("export: %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
