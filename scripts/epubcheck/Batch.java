// Batch runs epubcheck on many EPUB files in one JVM: a JVM start and
// epubcheck's schema loading cost more CPU than checking a small book, so
// tests check all their EPUBs with one call:
//
//   java -cp /usr/share/java/epubcheck.jar scripts/epubcheck/Batch.java \
//        [-u] a.epub a.json b.epub b.json ...
//
// Each EPUB's JSON report is written to the file after it, as
// `epubcheck --json` writes it (-u adds the usage notes). The exit status
// is 0 when every report was written; the tests read the reports.
import com.adobe.epubcheck.tool.EpubChecker;

public class Batch {
    public static void main(String[] args) {
        boolean usage = args.length > 0 && args[0].equals("-u");
        int start = usage ? 1 : 0;
        if ((args.length - start) % 2 != 0) {
            System.err.println("usage: Batch [-u] FILE.epub REPORT.json ...");
            System.exit(2);
        }
        for (int i = start; i < args.length; i += 2) {
            String[] a = usage
                ? new String[] {args[i], "--json", args[i + 1], "-u"}
                : new String[] {args[i], "--json", args[i + 1]};
            new EpubChecker().run(a);
        }
    }
}
