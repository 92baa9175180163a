package coloc.ij;

import ij.IJ;
import ij.gui.HTMLDialog;
import ij.plugin.PlugIn;

/**
 * Plugins › Coloc › About Coloc: the version (the jar manifest's Implementation-Version), the platform of the native
 * engine, ImageJ and Java versions, and how to cite; also written to the Log.
 */
public class About_Coloc implements PlugIn {
    public void run(String arg) {
        IJ.log(Version.line());
        IJ.log(Version.citation());
        if (IJ.getInstance() != null) {
            new HTMLDialog("About Coloc", "<html><body><h2>Coloc</h2>" + Help.section("about") + Version.html()
                    + "</body></html>", false);
        }
    }
}
