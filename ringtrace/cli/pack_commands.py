"""``pack``: write a ring's evidence pack, and ``pack verify``: check one against its manifest."""

from __future__ import annotations

from pathlib import Path

import click

from ringtrace.cli.app import Context, cli
from ringtrace.cli.common import (
    current_command,
    opened_store,
    progress_bar,
    store_option,
    translated_errors,
    unmask_option,
    use_audit_entry,
)
from ringtrace.cli.output import emit, output_options, say
from ringtrace.graph.audit import audit_entry, read_audit
from ringtrace.viz.pack import LANGUAGES, write_pack
from ringtrace.viz.pack_manifest import generate_key, verify_pack


class _PackGroup(click.Group):
    """``pack RING_ID …`` runs ``pack build RING_ID …``; ``pack verify DIR`` is a subcommand."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = ["build", *args]
        return super().parse_args(ctx, args)


@cli.group(cls=_PackGroup)
def pack() -> None:
    """Evidence packs for criminal referral: write one for a ring, or verify one.

    `ringtrace pack RING_ID --out DIR` is short for `ringtrace pack build RING_ID --out DIR`.

    \b
    Examples:
      ringtrace pack 1 --out pack-ring1/
      ringtrace pack R-3f2a9c1b --out pack/ --zip --lang en
      ringtrace pack verify pack-ring1/ --expect 3b1f…  (the SHA-256 given with the pack)
      ringtrace pack keygen issuer.key && ringtrace pack 1 --out p/ --sign issuer.key
    """


@pack.command("build")
@click.argument("ring_id")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write (new, empty, or an earlier pack to replace).")
@click.option("--zip", "as_zip", is_flag=True, help="Also write DIR.zip beside the folder.")
@click.option("--lang", type=click.Choice(LANGUAGES), default="zh", show_default=True,
              help="Language of index.html.")
@unmask_option
@click.option("--pdf", is_flag=True,
              help="Also print index.pdf with headless Chromium (needs Playwright and Chromium).")
@click.option("--seed", default=7, show_default=True, help="Layout seed of the ring graph.")
@click.option("--sign", "sign_key", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Sign the manifest with this Ed25519 private key (see `pack keygen`).")
@store_option
@output_options
@click.pass_obj
def build(ctx: Context, ring_id: str, out_dir: Path, as_zip: bool, lang: str, unmask: bool,
          pdf: bool, seed: int, sign_key: Path | None, store_uri: str | None, as_json: bool,
          as_csv: bool) -> None:
    """Write the evidence pack of one ring (by id or rank) into a folder that works offline.

    \b
    Example:
      ringtrace pack 1 --out pack-ring1/ --zip
    """
    zip_path = out_dir.with_name(out_dir.name + ".zip") if as_zip else None
    with opened_store(ctx, store_uri=store_uri) as store, translated_errors(), \
            progress_bar(None, "pack", unit="step") as bar:
        command, params = current_command()
        files = write_pack(store, ring_id, out_dir, lang=lang, unmask=unmask, seed=seed,
                           pdf=pdf, zip_path=zip_path, audit_log=read_audit(ctx.workspace),
                           command=audit_entry(command, params, {"out": str(out_dir)}),
                           sign_key=sign_key, progress=bar)
        carried = files.command or audit_entry(command, params, {"out": str(out_dir)})
        use_audit_entry({**carried, "result": {
            **carried["result"], "files": len(files.files),
            "manifest_sha256": files.manifest_sha256, "signed_by": files.signed_by}})
    written = [str(p) for p in files.files]
    data = {"out_dir": str(files.out_dir), "files": written,
            "manifest_sha256": files.manifest_sha256, "signed_by": files.signed_by,
            "zip": str(files.zip) if files.zip else None}
    lines = [say(f"证据包已写出到 {files.out_dir}（含清单共{len(written)}个文件）",
                 f"wrote the evidence pack to {files.out_dir} ({len(written)} files with the "
                 "manifest)"),
             say(f"manifest.json sha256 {files.manifest_sha256}（请另行交给接收方；接收方用 "
                 "`ringtrace pack verify DIR --expect SHA256` 核验）",
                 f"manifest.json sha256 {files.manifest_sha256} (give it to the recipient "
                 "separately; they check with `ringtrace pack verify DIR --expect SHA256`)")]
    if files.signed_by:
        lines.append(f"signed with key {files.signed_by} (give the recipient the .pub file)")
    if files.zip:
        lines.append(f"zip: {files.zip}")
    lines.append(say("打开 ", "open ") + str((files.out_dir / "index.html").resolve()))
    emit(data, as_json=as_json, as_csv=as_csv, rows=[{"file": f} for f in written],
         text="\n".join(lines))


@pack.command("verify")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--expect", metavar="SHA256",
              help="The manifest's SHA-256 received separately from the pack; fail if it differs.")
@click.option("--pubkey", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The issuer's Ed25519 public key (PEM or OpenSSH); fail unless manifest.sig "
                   "verifies with it.")
@output_options
@click.pass_context
def verify(click_ctx: click.Context, path: Path, expect: str | None, pubkey: Path | None,
           as_json: bool, as_csv: bool) -> None:
    """Check a pack folder or zip against its manifest; exit 1 on any failure.

    Fails on a changed, missing or added file, a duplicate or escaping zip entry, a manifest
    whose SHA-256 is not the one given with --expect, and a signature that does not verify.

    \b
    Examples:
      ringtrace pack verify pack-ring1/ --expect 3b1f0c…e9
      ringtrace pack verify pack-ring1.zip --pubkey issuer.key.pub
    """
    with translated_errors():
        check = verify_pack(path, expect=expect, pubkey=pubkey)
    rows = [{"file": f, "reason": r} for f, r in check.failures]
    if check.ok:
        text = (f"ok: {check.checked} files match the manifest "
                f"(manifest.json sha256 {check.manifest_sha256}"
                + (", the hash expected" if check.expected_sha256 else
                   "; compare it with the hash received separately, or pass --expect") + ")")
        if check.signature == "valid":
            text += f"\nsignature valid: signed with key {check.signed_by}"
        elif check.signature == "present":
            text += "\nsigned, signature not checked (pass --pubkey with the issuer's key)"
    else:
        text = "\n".join([f"FAILED {f}: {r}" for f, r in check.failures]
                         + [f"{len(check.failures)} problem(s) in {path}"])
    emit(check.to_dict(), as_json=as_json, as_csv=as_csv, rows=rows, text=text)
    if not check.ok:
        click_ctx.exit(1)


@pack.command("keygen")
@click.argument("key", type=click.Path(dir_okay=False, path_type=Path))
def keygen(key: Path) -> None:
    """Make an Ed25519 key pair for signing packs: KEY (private, keep it) and KEY.pub.

    \b
    Example:
      ringtrace pack keygen issuer.key
    """
    with translated_errors():
        private, public = generate_key(key)
    click.echo(f"wrote {private} (private: keep it safe, readable only by you) and {public} "
               "(give it to recipients: ringtrace pack verify DIR --pubkey " f"{public.name})")
