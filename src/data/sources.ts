// The guides wsdoctor's remediation and data come from (in ../shared/guides of the project workspace).
export const GUIDES = {
  imageBuilderPending: '000_7e77070c5765ebaf.txt',
  troubleshooting: '001_abe0b5f7dee26d25.txt',
  adminGuide: '002_73aec366670b46ed.txt',
  customImages: '003_178b0291bc90cbb8.txt',
  appStream: '004_60cffe9cfb0c9698.txt',
} as const;

export type GuideFile = (typeof GUIDES)[keyof typeof GUIDES];

/** Where one row of a data table was read: guide file and line range. */
export interface RowSource {
  guide: GuideFile;
  lines: string;
}
