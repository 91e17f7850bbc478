#!/bin/sh
# Copy a release's 404 page to the root of the gh-pages branch, as one more commit on it.
#
# GitHub Pages answers any missing address with the root's 404.html, but mike writes each
# release into its own folder, so without this the archive has no 404 page of its own. The
# release's page links its styles and search by absolute address (site_url), so it works from
# the root. Plumbing only: the working tree and the checked-out branch are not touched.
#
# Usage: tools/root_404.sh VERSION   (after `mike deploy VERSION`; make publish runs it)
set -eu
version="$1"
blob=$(git show "gh-pages:$version/404.html" | git hash-object -w --stdin)
index=$(mktemp)
trap 'rm -f "$index"' EXIT
GIT_INDEX_FILE="$index" git read-tree gh-pages
GIT_INDEX_FILE="$index" git update-index --add --cacheinfo "100644,$blob,404.html"
tree=$(GIT_INDEX_FILE="$index" git write-tree)
if [ "$tree" = "$(git rev-parse 'gh-pages^{tree}')" ]; then
	echo "gh-pages already has release $version's 404 page at its root"
	exit 0
fi
commit=$(git commit-tree "$tree" -p gh-pages -m "Root 404 page from release $version")
git update-ref refs/heads/gh-pages "$commit"
echo "gh-pages: 404.html at the root is release $version's"
