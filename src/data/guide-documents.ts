// Each guide in ../shared/guides as a reader can find it: its public title and address. Reports cite these (title,
// section heading, URL); the file name and line range stay in the JSON report, for tracing a citation to the text.
// Titles: 000 line 2, 001 line 1, 003 line 1, 004 lines 2-8; 002 opens at "What Is Amazon WorkSpaces?" (line 3) and
// never names itself: guides/README.md calls it the Amazon WorkSpaces Administration Guide.
// [not in guides] The addresses: AWS's public pages of the same documents (the guide files carry no URL); for the
// two guides, the page their text opens with.
import { GUIDES, type GuideFile } from './sources.js';

export interface GuideDocument {
  title: string;
  url: string;
}

export const GUIDE_DOCUMENTS: Readonly<Record<GuideFile, GuideDocument>> = {
  [GUIDES.imageBuilderPending]: {
    title: 'AWS re:Post Knowledge Center: How do I troubleshoot a WorkSpaces Applications image builder that\u2019s stuck in Pending state?',
    url: 'https://repost.aws/knowledge-center/appstream-image-builder-stuck-pending',
  },
  [GUIDES.troubleshooting]: {
    title: 'Troubleshooting Amazon WorkSpaces Issues',
    url: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-troubleshooting.html',
  },
  [GUIDES.adminGuide]: {
    title: 'Amazon WorkSpaces Administration Guide',
    url: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces.html',
  },
  [GUIDES.customImages]: {
    title: 'Create a Custom WorkSpaces Image and Bundle',
    url: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/create-custom-bundle.html',
  },
  [GUIDES.appStream]: {
    title: 'Amazon AppStream 2.0 Developer Guide',
    url: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/what-is-appstream.html',
  },
};

/** The document a guide file is, or undefined for a file this table does not know. */
export function guideDocument(file: string): GuideDocument | undefined {
  return Object.hasOwn(GUIDE_DOCUMENTS, file) ? GUIDE_DOCUMENTS[file as GuideFile] : undefined;
}
