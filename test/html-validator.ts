import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { PROJECT_ROOT } from '../src/site/startup';

/**
 * Reads .htmlvalidate.json at the project root, as the html-validate command line would, once:
 * every page is checked as the same file, and html-validate would otherwise merge its presets
 * with that file anew for each one.
 */
class OnceResolvedConfigLoader extends FileSystemConfigLoader {
  private readonly resolved = new Map<string, ReturnType<FileSystemConfigLoader['getConfigFor']>>();

  override getConfigFor(
    ...[filename, override]: Parameters<FileSystemConfigLoader['getConfigFor']>
  ): ReturnType<FileSystemConfigLoader['getConfigFor']> {
    if (override) return super.getConfigFor(filename, override);
    let config = this.resolved.get(filename);
    if (!config) {
      config = super.getConfigFor(filename);
      this.resolved.set(filename, config);
    }
    return config;
  }
}

/** html-validate with the project's rules. */
export const htmlValidator = new HtmlValidate(new OnceResolvedConfigLoader());

/** The file every page is checked as: one at the project root, under its configuration. */
export const AS_IF_AT = path.join(PROJECT_ROOT, 'page.html');
